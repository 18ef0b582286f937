import RegistryDomain

/// The `route_responses` table's columns, and what each stores of a ``RouteResponse``.
enum RouteResponseColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case routeId
    case id
    case routeResponseKey
    case modelSelectionExpression
    case responseModels
    case responseParameters

    static let table = "route_responses"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.id]
    static let writtenOnce: Set<Self> = [.apiId, .routeId]

    func value(in response: RouteResponse) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("route_responses.seq is assigned by SQLite")
        case .apiId: response.apiID.rawValue
        case .routeId: response.routeID.rawValue
        case .id: response.id.rawValue
        case .routeResponseKey: response.key
        case .modelSelectionExpression: response.modelSelectionExpression
        case .responseModels: try JSONColumn.encode(response.responseModels)
        case .responseParameters: try JSONColumn.encode(response.responseParameters)
        }
    }
}
