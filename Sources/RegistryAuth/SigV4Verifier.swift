import Crypto
public import RegistryDomain

/// Verifies AWS Signature Version 4 as AWS does for the `apigateway` service.
///
/// The canonical request is rebuilt from the request exactly as it arrived (method, the
/// percent-encoded path encoded once more as AWS does for every service but S3, the sorted query,
/// the signed headers, and the payload hash), then signed with the HMAC chain of the principal's
/// secret; the result must equal the signature sent. Any region is accepted in the credential
/// scope; the signature may be at most 15 minutes old or early.
public struct SigV4Verifier: Sendable {
    /// How far the request time may be from the server's clock.
    public static let allowedSkewMilliseconds: Int64 = 15 * 60 * 1000

    /// The service name in the credential scope.
    public static let service = "apigateway"

    /// The parts of an `Authorization: AWS4-HMAC-SHA256 …` header.
    struct Authorization {
        let accessKeyID: String
        let date: String
        let region: String
        let signedHeaders: [String]
        let signature: String
    }

    private let configuration: AuthConfiguration

    /// Creates a verifier for the access keys of `configuration`.
    public init(configuration: AuthConfiguration) { self.configuration = configuration }

    /// The principal who signed `request`.
    /// - Parameter now: the server's current time.
    /// - Throws: ``RegistryError/Code/unrecognizedClient`` for an unknown access key id,
    ///   ``RegistryError/Code/invalidSignature`` for a malformed header, a signature that does not
    ///   match, or a request time more than 15 minutes from `now`.
    public func verify(
        _ request: SignedRequest, authorization header: String, now: Timestamp
    ) throws(RegistryError)
        -> Principal
    {
        let authorization = try Self.parse(header)
        guard let (key, principal) = configuration.accessKey(id: authorization.accessKeyID) else {
            throw RegistryError(.unrecognizedClient, "The security token included in the request is invalid.")
        }
        guard let amzDate = request.header("x-amz-date"), let requestTime = Self.timestamp(amzDate) else {
            throw RegistryError(.invalidSignature, "The request must carry an x-amz-date header (yyyyMMddTHHmmssZ).")
        }
        guard amzDate.hasPrefix(authorization.date) else {
            throw RegistryError(.invalidSignature, "The credential scope's date does not match x-amz-date.")
        }
        let skew = requestTime.millisecondsSinceEpoch - now.millisecondsSinceEpoch
        guard abs(skew) <= Self.allowedSkewMilliseconds else {
            throw RegistryError(
                .invalidSignature,
                "Signature expired: \(amzDate) is more than 15 minutes from the server's time.")
        }
        guard authorization.signedHeaders.contains("host") else {
            throw RegistryError(.invalidSignature, "The host header must be signed.")
        }
        var payloadHash = request.bodySHA256
        if let declared = request.header("x-amz-content-sha256") {
            guard declared == request.bodySHA256 else {
                throw RegistryError(.invalidSignature, "The x-amz-content-sha256 header does not match the body.")
            }
            payloadHash = declared
        }
        let canonical = Self.canonicalRequest(
            request, signedHeaders: authorization.signedHeaders, payloadHash: payloadHash)
        let scope = "\(authorization.date)/\(authorization.region)/\(Self.service)/aws4_request"
        let stringToSign =
            "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(Self.hex(SHA256.hash(data: Array(canonical.utf8))))"
        let signingKey = Self.signingKey(
            secret: key.secretAccessKey, date: authorization.date, region: authorization.region)
        let expected = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
        guard AuthConfiguration.constantTimeEqual(Array(expected.utf8), Array(authorization.signature.utf8)) else {
            throw RegistryError(
                .invalidSignature,
                "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.")
        }
        return principal
    }

    static func parse(_ header: String) throws(RegistryError) -> Authorization {
        let prefix = "AWS4-HMAC-SHA256 "
        guard header.hasPrefix(prefix) else {
            throw RegistryError(.invalidSignature, "Authorization header requires the AWS4-HMAC-SHA256 algorithm.")
        }
        var fields: [String: String] = [:]
        for part in header.dropFirst(prefix.count).split(separator: ",") {
            let trimmed = part.trimmingSpaces
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            fields[String(trimmed[..<equals])] = String(trimmed[trimmed.index(after: equals)...])
        }
        guard let credential = fields["Credential"], let signed = fields["SignedHeaders"],
            let signature = fields["Signature"]
        else {
            throw RegistryError(
                .invalidSignature, "Authorization header requires Credential, SignedHeaders and Signature.")
        }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 5, !scope[0].isEmpty, scope[1].count == 8, !scope[2].isEmpty,
            scope[3] == Substring(service), scope[4] == "aws4_request"
        else {
            throw RegistryError(
                .invalidSignature,
                "The credential scope must be <access key>/<yyyyMMdd>/<region>/\(service)/aws4_request.")
        }
        guard signature.count == 64,
            signature.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { throw RegistryError(.invalidSignature, "The signature must be 64 lowercase hex digits.") }
        return Authorization(
            accessKeyID: String(scope[0]), date: String(scope[1]), region: String(scope[2]),
            signedHeaders: signed.split(separator: ";").map { String($0).lowercased() }, signature: signature)
    }

    /// The canonical request of SigV4 for `request`.
    static func canonicalRequest(_ request: SignedRequest, signedHeaders: [String], payloadHash: String) -> String {
        let headers = signedHeaders.map { name -> String in
            let value = name == "host" ? request.host : request.header(name) ?? ""
            return "\(name):\(value.collapsingSpaces)\n"
        }.joined()
        return [
            request.method.uppercased(), canonicalURI(request.rawPath), canonicalQuery(request.rawQuery),
            headers, signedHeaders.joined(separator: ";"), payloadHash,
        ].joined(separator: "\n")
    }

    /// The path with dot segments removed and encoded once more (`%` becomes `%25`), as AWS
    /// canonicalizes paths for every service but S3.
    static func canonicalURI(_ rawPath: String) -> String {
        var output: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            switch segment {
            case ".": continue
            case "..": _ = output.popLast()
            default: output.append(segment)
            }
        }
        let normalized = "/" + output.joined(separator: "/")
        return uriEncode(normalized, keepSlash: true)
    }

    /// The query's pairs decoded, strictly re-encoded, sorted by name then value, joined with `&`.
    static func canonicalQuery(_ rawQuery: String) -> String {
        guard !rawQuery.isEmpty else { return "" }
        let pairs = rawQuery.split(separator: "&").map { pair -> (String, String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = uriEncode(percentDecode(parts[0]), keepSlash: false)
            let value = parts.count > 1 ? uriEncode(percentDecode(parts[1]), keepSlash: false) : ""
            return (name, value)
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0)=\($1)" }.joined(separator: "&")
    }

    /// AWS's URI encoding: every byte but `A-Z a-z 0-9 - _ . ~` (and `/` when kept) as `%XX`.
    static func uriEncode(_ text: String, keepSlash: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let hexDigits = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x2E, 0x7E: output.append(byte)
            case 0x2F where keepSlash: output.append(byte)
            default: output += [0x25, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Percent-decoding; malformed escapes stay as they are, `+` stays `+`.
    static func percentDecode(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func signingKey(secret: String, date: String, region: String) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
        }
        let dateKey = hmac(SymmetricKey(data: Array("AWS4\(secret)".utf8)), date)
        return hmac(hmac(hmac(dateKey, region), service), "aws4_request")
    }

    /// `yyyyMMddTHHmmssZ` as a timestamp.
    static func timestamp(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == 0x54, bytes[15] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15), (1...12).contains(month),
            (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        return Timestamp(utcYear: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in digest { output += [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]] }
        return String(decoding: output, as: UTF8.self)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let text = Substring(self)
        return text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
            .reduce(into: Substring()) { $0.append($1) }
    }

    /// The text trimmed, with every run of spaces inside it collapsed to one, as SigV4 canonicalizes
    /// header values.
    var collapsingSpaces: String {
        var output = ""
        var lastWasSpace = false
        for character in trimmingSpaces {
            let isSpace = character == " " || character == "\t"
            if isSpace && lastWasSpace { continue }
            output.append(isSpace ? " " : character)
            lastWasSpace = isSpace
        }
        return output
    }
}
