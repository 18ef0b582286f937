/// The members of a CreateAuthorizer or UpdateAuthorizer request; `nil` means "not given".
public struct AuthorizerInput: Hashable, Sendable, Decodable {
    /// The request member `name`; `nil` when the request does not give it.
    public var name: String?
    /// The request member `authorizerType`; `nil` when the request does not give it.
    public var authorizerType: AuthorizerType?
    /// The request member `identitySource`; `nil` when the request does not give it.
    public var identitySource: [String]?
    /// The request member `jwtConfiguration`; `nil` when the request does not give it.
    public var jwtConfiguration: JWTConfiguration?
    /// The request member `authorizerUri`; `nil` when the request does not give it.
    public var authorizerUri: String?
    /// The request member `authorizerPayloadFormatVersion`; `nil` when the request does not give it.
    public var authorizerPayloadFormatVersion: String?
    /// The request member `authorizerResultTtlInSeconds`; `nil` when the request does not give it.
    public var authorizerResultTtlInSeconds: Int?
    /// The request member `enableSimpleResponses`; `nil` when the request does not give it.
    public var enableSimpleResponses: Bool?
    /// The request member `authorizerCredentialsArn`; `nil` when the request does not give it.
    public var authorizerCredentialsArn: String?
    /// The request member `identityValidationExpression`; `nil` when the request does not give it.
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
