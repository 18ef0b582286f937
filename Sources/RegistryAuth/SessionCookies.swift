import Crypto
import Foundation
public import RegistryDomain

/// The web pages' sign-in sessions: a cookie naming a principal and when it expires, signed with
/// HMAC-SHA256 under a key drawn when the server starts.
///
/// Nothing is stored on the server: a cookie is valid while its signature checks out, it has not
/// expired, and its principal is still in the auth file (with the role the file gives it now). A
/// restart draws a new key, which signs everyone out. The value carries no credential.
public struct SessionCookies: Sendable {
    /// The cookie's name.
    public static let name = "registry_session"
    /// How long a session lasts.
    public let lifetime: Duration
    // Kept as bytes: Crypto's SymmetricKey is not Sendable; one is made per use (a copy).
    private let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// Sessions signed with a fresh random 256-bit key, lasting `lifetime` (8 hours by default).
    public init(lifetime: Duration = .seconds(8 * 3600)) {
        var generator = SystemRandomNumberGenerator()
        self.init(keyBytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }, lifetime: lifetime)
    }

    /// Sessions signed with `keyBytes` (tests use fixed ones).
    public init(keyBytes: [UInt8], lifetime: Duration = .seconds(8 * 3600)) {
        self.keyBytes = keyBytes
        self.lifetime = lifetime
    }

    /// The cookie value for a session of `principal` starting `now`.
    public func value(for principal: Principal, now: Timestamp) -> String {
        let expires = now.millisecondsSinceEpoch + Int64(lifetime.components.seconds) * 1000
        var nonce = SystemRandomNumberGenerator()
        let payload = "v1|\(expires)|\(nonce.next() as UInt64)|\(principal.name)"
        let signature = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return Self.base64URL(Data(payload.utf8)) + "." + Self.base64URL(Data(signature))
    }

    /// The principal a cookie value stands for, as `configuration` has it now, or `nil` when the
    /// value is malformed, forged, expired or names a principal the auth file no longer has.
    public func principal(fromValue value: String, now: Timestamp, in configuration: AuthConfiguration) -> Principal? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard value.utf8.count <= 1024, parts.count == 2, let payload = Self.data(base64URL: parts[0]),
            let signature = Self.data(base64URL: parts[1]),
            HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: key),
            let text = String(data: payload, encoding: .utf8)
        else { return nil }
        let fields = text.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, fields[0] == "v1", let expires = Int64(fields[1]),
            expires > now.millisecondsSinceEpoch
        else { return nil }
        return configuration.principals.first { $0.name == fields[3] }
    }

    /// The value of the session cookie in a `Cookie` request header, if it has one.
    public static func value(inCookieHeader header: String) -> String? {
        for pair in header.split(separator: ";") {
            let trimmed = pair.drop { $0 == " " }
            if trimmed.hasPrefix(name + "=") { return String(trimmed.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// The `Set-Cookie` value that starts a session: HttpOnly, SameSite=Strict, for the whole site,
    /// expiring with the session; `Secure` when the page was served over TLS.
    public func setCookie(_ value: String, secure: Bool) -> String {
        "\(Self.name)=\(value); Path=/; Max-Age=\(lifetime.components.seconds); HttpOnly; SameSite=Strict"
            + (secure ? "; Secure" : "")
    }

    /// The `Set-Cookie` value that ends a session.
    public static func clearCookie(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
