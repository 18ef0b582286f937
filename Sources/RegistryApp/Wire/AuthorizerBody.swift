import RegistryDomain

/// The wire form of an authorizer.
struct AuthorizerBody: Encodable {
    let authorizerCredentialsArn: String?
    let authorizerId: String
    let authorizerPayloadFormatVersion: String?
    let authorizerResultTtlInSeconds: Int?
    let authorizerType: String
    let authorizerUri: String?
    let enableSimpleResponses: Bool?
    let identitySource: [String]
    let identityValidationExpression: String?
    let jwtConfiguration: JWTConfiguration?
    let name: String

    /// The wire form of `authorizer`.
    init(_ authorizer: Authorizer) {
        authorizerCredentialsArn = authorizer.authorizerCredentialsArn
        authorizerId = authorizer.id.rawValue
        authorizerPayloadFormatVersion = authorizer.authorizerPayloadFormatVersion
        authorizerResultTtlInSeconds = authorizer.authorizerResultTTLInSeconds
        authorizerType = authorizer.authorizerType.rawValue
        authorizerUri = authorizer.authorizerURI
        enableSimpleResponses = authorizer.enableSimpleResponses
        identitySource = authorizer.identitySource
        identityValidationExpression = authorizer.identityValidationExpression
        jwtConfiguration = authorizer.jwtConfiguration
        name = authorizer.name
    }
}
