import RegistryDomain

/// The `apis` table's columns, and what each stores of an ``API`` (its tags live in `api_tags`).
enum APIColumn: Int32, SequencedTableColumn {
    case seq
    case id
    case name
    case protocolType
    case description
    case routeSelectionExpression
    case apiKeySelectionExpression
    case corsConfiguration
    case disableExecuteApiEndpoint
    case disableSchemaValidation
    case version
    case ipAddressType
    case createdMs

    static let table = "apis"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.id]
    static let writtenOnce: Set<Self> = [.createdMs]

    func value(in api: API) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("apis.seq is assigned by SQLite")
        case .id: api.id.rawValue
        case .name: api.name
        case .protocolType: api.protocolType.rawValue
        case .description: api.description
        case .routeSelectionExpression: api.routeSelectionExpression
        case .apiKeySelectionExpression: api.apiKeySelectionExpression
        case .corsConfiguration: try JSONColumn.encode(api.corsConfiguration)
        case .disableExecuteApiEndpoint: api.disableExecuteApiEndpoint
        case .disableSchemaValidation: api.disableSchemaValidation
        case .version: api.version
        case .ipAddressType: api.ipAddressType.rawValue
        case .createdMs: api.createdDate.millisecondsSinceEpoch
        }
    }
}
