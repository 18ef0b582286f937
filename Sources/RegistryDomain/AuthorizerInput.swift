/// The members of a CreateAuthorizer or UpdateAuthorizer request; `nil` means "not given".
public struct AuthorizerInput: Sendable, Decodable {
    public var name: String?
    public var authorizerType: AuthorizerType?
    public var identitySource: [String]?
    public var jwtConfiguration: JWTConfiguration?
    public var authorizerUri: String?
    public var authorizerPayloadFormatVersion: String?
    public var authorizerResultTtlInSeconds: Int?
    public var enableSimpleResponses: Bool?
    public var authorizerCredentialsArn: String?
    public var identityValidationExpression: String?

    /// Creates an input; every member is optional.
    public init(
        name: String? = nil, authorizerType: AuthorizerType? = nil, identitySource: [String]? = nil,
        jwtConfiguration: JWTConfiguration? = nil, authorizerUri: String? = nil,
        authorizerPayloadFormatVersion: String? = nil, authorizerResultTtlInSeconds: Int? = nil,
        enableSimpleResponses: Bool? = nil, authorizerCredentialsArn: String? = nil,
        identityValidationExpression: String? = nil
    ) {
        self.name = name
        self.authorizerType = authorizerType
        self.identitySource = identitySource
        self.jwtConfiguration = jwtConfiguration
        self.authorizerUri = authorizerUri
        self.authorizerPayloadFormatVersion = authorizerPayloadFormatVersion
        self.authorizerResultTtlInSeconds = authorizerResultTtlInSeconds
        self.enableSimpleResponses = enableSimpleResponses
        self.authorizerCredentialsArn = authorizerCredentialsArn
        self.identityValidationExpression = identityValidationExpression
    }
}
