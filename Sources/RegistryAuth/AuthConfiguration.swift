import Crypto
public import Foundation
public import RegistryDomain

/// The principals of an auth file, indexed for authentication.
///
/// The file is JSON: `{"principals": [{"name", "role", "tokenSha256": [hex], "accessKeys":
/// [{"accessKeyId", "secretAccessKey"}]}]}`. Bearer tokens are kept only as SHA-256 hashes; secret
/// access keys, which SigV4 verification needs, are kept as given.
public struct AuthConfiguration: Sendable {
    private struct File: Decodable {
        struct Entry: Decodable {
            struct Key: Decodable {
                let accessKeyId: String
                let secretAccessKey: String
            }
            let name: String
            let role: String
            let tokenSha256: [String]?
            let accessKeys: [Key]?
        }
        let principals: [Entry]
    }

    /// Every principal, in file order.
    public let principals: [Principal]
    private let tokenHashes: [(hash: [UInt8], principal: Principal)]
    private let accessKeys: [String: (key: AccessKey, principal: Principal)]

    /// Parses an auth file's content.
    /// - Throws: ``RegistryError/Code/badRequest`` naming what is wrong: malformed JSON, an unknown
    ///   role, an empty or repeated name, a token hash that is not 64 hex digits, a repeated access key.
    public init(json: Data) throws(RegistryError) {
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: json) } catch {
            throw .badRequest("The auth file is not valid: \(Self.describe(error)).")
        }
        var principals: [Principal] = []
        var tokenHashes: [(hash: [UInt8], principal: Principal)] = []
        var accessKeys: [String: (key: AccessKey, principal: Principal)] = [:]
        for entry in file.principals {
            guard !entry.name.isEmpty, entry.name.count <= 128 else {
                throw .badRequest("The auth file names a principal with an empty or over-long name.")
            }
            guard !principals.contains(where: { $0.name == entry.name }) else {
                throw .badRequest("The auth file names principal '\(entry.name)' twice.")
            }
            guard let role = Role(rawValue: entry.role) else {
                throw .badRequest(
                    "The auth file gives principal '\(entry.name)' the unknown role '\(entry.role)'; "
                        + "roles are \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let principal = Principal(name: entry.name, role: role)
            principals.append(principal)
            for hex in entry.tokenSha256 ?? [] {
                guard let hash = Self.bytes(hex: hex), hash.count == 32 else {
                    throw .badRequest("The auth file has a tokenSha256 of '\(entry.name)' that is not 64 hex digits.")
                }
                tokenHashes.append((hash, principal))
            }
            for key in entry.accessKeys ?? [] {
                guard !key.accessKeyId.isEmpty, !key.secretAccessKey.isEmpty else {
                    throw .badRequest("The auth file has an empty access key of '\(entry.name)'.")
                }
                guard accessKeys[key.accessKeyId] == nil else {
                    throw .badRequest("The auth file names access key \(key.accessKeyId) twice.")
                }
                accessKeys[key.accessKeyId] = (
                    AccessKey(accessKeyID: key.accessKeyId, secretAccessKey: key.secretAccessKey), principal
                )
            }
        }
        self.principals = principals
        self.tokenHashes = tokenHashes
        self.accessKeys = accessKeys
    }

    /// The principal whose token hashes to the SHA-256 of `token`, compared in constant time.
    public func principal(bearerToken token: String) -> Principal? {
        let hash = Array(SHA256.hash(data: Array(token.utf8)))
        var found: Principal?
        // Every hash is compared, each without an early exit, so timing tells nothing.
        for entry in tokenHashes where Self.constantTimeEqual(entry.hash, hash) { found = entry.principal }
        return found
    }

    /// The access key with this id and its principal.
    public func accessKey(id: String) -> (key: AccessKey, principal: Principal)? { accessKeys[id] }

    /// Whether two byte strings are equal, in time that depends only on their lengths.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            result.append(high << 4 | low)
        }
        return result
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        case 0x41...0x46: digit - 0x41 + 10
        default: nil
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "member '\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context):
            "a member has the wrong type at \(context.codingPath.map(\.stringValue))"
        case DecodingError.dataCorrupted: "it is not JSON"
        default: "it cannot be read"
        }
    }
}
