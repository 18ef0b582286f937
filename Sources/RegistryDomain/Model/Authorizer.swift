/// An authorizer: a JWT issuer or a Lambda REQUEST function that routes may require.
public struct Authorizer: Hashable, Sendable {
    /// The authorizer's identifier.
    public var id: AuthorizerID
    /// The API the authorizer belongs to.
    public var apiID: APIID
    /// The authorizer's name, 1–128 characters.
    public var name: String
    /// JWT or REQUEST.
    public var authorizerType: AuthorizerType
    /// Where the identity comes from (`$request.header.Authorization`, …).
    public var identitySource: [String]
    /// The issuer and audiences of a JWT authorizer.
    public var jwtConfiguration: JWTConfiguration?
    /// The Lambda invocation URI of a REQUEST authorizer.
    public var authorizerURI: String?
    /// The payload format of a REQUEST authorizer on an HTTP API: `1.0` or `2.0`.
    public var authorizerPayloadFormatVersion: String?
    /// How long results are cached, 0–3600 seconds.
    public var authorizerResultTTLInSeconds: Int?
    /// Whether a Lambda authorizer returns the simple response format.
    public var enableSimpleResponses: Bool?
    /// The IAM role API Gateway assumes to invoke the authorizer.
    public var authorizerCredentialsArn: String?
    /// A validation expression for the identity (WebSocket APIs).
    public var identityValidationExpression: String?

    /// Creates an authorizer value; rules are checked by the use cases, not here.
    public init(
        id: AuthorizerID, apiID: APIID, name: String, authorizerType: AuthorizerType, identitySource: [String],
        jwtConfiguration: JWTConfiguration? = nil, authorizerURI: String? = nil,
        authorizerPayloadFormatVersion: String? = nil, authorizerResultTTLInSeconds: Int? = nil,
        enableSimpleResponses: Bool? = nil, authorizerCredentialsArn: String? = nil,
        identityValidationExpression: String? = nil
    ) {
        self.id = id
        self.apiID = apiID
        self.name = name
        self.authorizerType = authorizerType
        self.identitySource = identitySource
        self.jwtConfiguration = jwtConfiguration
        self.authorizerURI = authorizerURI
        self.authorizerPayloadFormatVersion = authorizerPayloadFormatVersion
        self.authorizerResultTTLInSeconds = authorizerResultTTLInSeconds
        self.enableSimpleResponses = enableSimpleResponses
        self.authorizerCredentialsArn = authorizerCredentialsArn
        self.identityValidationExpression = identityValidationExpression
    }
}
