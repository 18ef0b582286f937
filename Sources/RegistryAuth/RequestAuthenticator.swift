import Crypto
public import RegistryDomain

/// Decides who sent a request: a bearer token or a SigV4 signature, checked against the auth file.
public struct RequestAuthenticator: Sendable {
    private let configuration: AuthConfiguration
    private let verifier: SigV4Verifier

    /// Creates an authenticator for the principals of `configuration`.
    public init(configuration: AuthConfiguration) {
        self.configuration = configuration
        verifier = SigV4Verifier(configuration: configuration)
    }

    /// The principal who sent `request`, allowed to do what it asks.
    /// - Parameter now: the server's current time (for the signature's age).
    /// - Throws: ``RegistryError/Code/missingAuthenticationToken`` without credentials,
    ///   ``RegistryError/Code/unrecognizedClient`` for an unknown token or key,
    ///   ``RegistryError/Code/invalidSignature`` for a bad or expired signature,
    ///   ``RegistryError/Code/accessDenied`` when the principal's role forbids the method on the path.
    public func authenticate(_ request: SignedRequest, now: Timestamp) throws(RegistryError) -> Principal {
        guard let authorization = request.header("authorization"), !authorization.isEmpty else {
            throw RegistryError(.missingAuthenticationToken, "Missing Authentication Token")
        }
        let principal: Principal
        if authorization.hasPrefix("Bearer ") {
            guard let found = configuration.principal(bearerToken: String(authorization.dropFirst(7)).collapsingSpaces)
            else { throw RegistryError(.unrecognizedClient, "The bearer token included in the request is invalid.") }
            principal = found
        } else if authorization.hasPrefix("AWS4-HMAC-SHA256") {
            principal = try verifier.verify(request, authorization: authorization, now: now)
        } else {
            throw RegistryError(
                .missingAuthenticationToken,
                "Missing Authentication Token: use Authorization: Bearer <token> or AWS Signature Version 4.")
        }
        try authorize(principal, method: request.method, path: request.rawPath)
        return principal
    }

    /// Checks that `principal`'s role permits `method` on `path` (see ``Role/permits(method:path:)``),
    /// whoever vouched for the principal: a credential or a page session.
    /// - Throws: ``RegistryError/Code/accessDenied`` naming the principal, its role and the method.
    public func authorize(_ principal: Principal, method: String, path: String) throws(RegistryError) {
        guard principal.role.permits(method: method, path: path) else {
            throw RegistryError(
                .accessDenied,
                "User \(principal.name) (role \(principal.role.rawValue)) is not authorized to perform "
                    + "\(method) on this resource.")
        }
    }

    /// The principal a page's session cookie stands for (see ``SessionCookies``), or `nil`.
    public func principal(sessionCookie value: String, sessions: SessionCookies, now: Timestamp) -> Principal? {
        sessions.principal(fromValue: value, now: now, in: configuration)
    }

    /// The principal a bearer token belongs to, or `nil` (the sign-in form's check).
    public func principal(bearerToken token: String) -> Principal? {
        configuration.principal(bearerToken: token)
    }

    /// The lowercase hex SHA-256 of `bytes`, as SigV4's payload hash.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        SigV4Verifier.hex(SHA256.hash(data: Array(bytes)))
    }
}
