import RegistryDomain

/// The `integration_responses` table's columns, and what each stores of an ``IntegrationResponse``.
enum IntegrationResponseColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case integrationId
    case id
    case integrationResponseKey
    case templateSelectionExpression
    case responseTemplates
    case contentHandlingStrategy
    case responseParameters

    static let table = "integration_responses"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.id]
    static let writtenOnce: Set<Self> = [.apiId, .integrationId]

    func value(in response: IntegrationResponse) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("integration_responses.seq is assigned by SQLite")
        case .apiId: response.apiID.rawValue
        case .integrationId: response.integrationID.rawValue
        case .id: response.id.rawValue
        case .integrationResponseKey: response.key
        case .templateSelectionExpression: response.templateSelectionExpression
        case .responseTemplates: try JSONColumn.encode(response.responseTemplates)
        case .contentHandlingStrategy: response.contentHandlingStrategy?.rawValue
        case .responseParameters: try JSONColumn.encode(response.responseParameters)
        }
    }
}
