import RegistryDomain

/// The `integrations` table's columns, and what each stores of an ``Integration``.
enum IntegrationColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case id
    case integrationType
    case integrationUri
    case integrationMethod
    case integrationSubtype
    case connectionType
    case connectionId
    case payloadFormatVersion
    case timeoutMs
    case description
    case credentialsArn
    case requestParameters
    case requestTemplates
    case responseParameters
    case templateSelectionExpression
    case passthroughBehavior
    case contentHandlingStrategy
    case tlsServerName
    case apiGatewayManaged

    static let table = "integrations"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .id]

    func value(in integration: Integration) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("integrations.seq is assigned by SQLite")
        case .apiId: integration.apiID.rawValue
        case .id: integration.id.rawValue
        case .integrationType: integration.integrationType.rawValue
        case .integrationUri: integration.integrationURI
        case .integrationMethod: integration.integrationMethod
        case .integrationSubtype: integration.integrationSubtype
        case .connectionType: integration.connectionType.rawValue
        case .connectionId: integration.connectionID?.rawValue
        case .payloadFormatVersion: integration.payloadFormatVersion
        case .timeoutMs: integration.timeoutInMillis
        case .description: integration.description
        case .credentialsArn: integration.credentialsArn
        case .requestParameters: try JSONColumn.encode(integration.requestParameters)
        case .requestTemplates: try JSONColumn.encode(integration.requestTemplates)
        case .responseParameters: try JSONColumn.encode(integration.responseParameters)
        case .templateSelectionExpression: integration.templateSelectionExpression
        case .passthroughBehavior: integration.passthroughBehavior?.rawValue
        case .contentHandlingStrategy: integration.contentHandlingStrategy?.rawValue
        case .tlsServerName: integration.tlsConfig?.serverNameToVerify
        case .apiGatewayManaged: integration.apiGatewayManaged
        }
    }
}
