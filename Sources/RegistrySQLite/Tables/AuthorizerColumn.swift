import RegistryDomain

/// The `authorizers` table's columns, and what each stores of an ``Authorizer``.
enum AuthorizerColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case id
    case name
    case authorizerType
    case identitySource
    case jwtConfiguration
    case authorizerUri
    case authorizerPayloadFormatVersion
    case authorizerResultTtl
    case enableSimpleResponses
    case authorizerCredentialsArn
    case identityValidationExpression

    static let table = "authorizers"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .id]

    func value(in authorizer: Authorizer) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("authorizers.seq is assigned by SQLite")
        case .apiId: authorizer.apiID.rawValue
        case .id: authorizer.id.rawValue
        case .name: authorizer.name
        case .authorizerType: authorizer.authorizerType.rawValue
        case .identitySource: try JSONColumn.encode(authorizer.identitySource)
        case .jwtConfiguration: try JSONColumn.encode(authorizer.jwtConfiguration)
        case .authorizerUri: authorizer.authorizerURI
        case .authorizerPayloadFormatVersion: authorizer.authorizerPayloadFormatVersion
        case .authorizerResultTtl: authorizer.authorizerResultTTLInSeconds
        case .enableSimpleResponses: authorizer.enableSimpleResponses
        case .authorizerCredentialsArn: authorizer.authorizerCredentialsArn
        case .identityValidationExpression: authorizer.identityValidationExpression
        }
    }
}
