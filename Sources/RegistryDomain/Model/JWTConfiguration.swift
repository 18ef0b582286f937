/// The issuer and audiences a JWT authorizer accepts.
public struct JWTConfiguration: Hashable, Sendable, Codable {
    /// Accepted `aud` values.
    public var audience: [String]?
    /// The token issuer URL.
    public var issuer: String?

    /// Creates a JWT configuration.
    public init(audience: [String]? = nil, issuer: String? = nil) {
        self.audience = audience
        self.issuer = issuer
    }
}
