import RegistryDomain

/// The `routes` table's columns, and what each stores of a ``Route``.
enum RouteColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case id
    case routeKey
    case conflictKey
    case targetIntegrationId
    case authorizationType
    case authorizerId
    case authorizationScopes
    case apiKeyRequired
    case operationName
    case modelSelectionExpression
    case routeResponseSelectionExpression
    case requestModels
    case requestParameters
    case apiGatewayManaged

    static let table = "routes"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .id]

    func value(in route: Route) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("routes.seq is assigned by SQLite")
        case .apiId: route.apiID.rawValue
        case .id: route.id.rawValue
        case .routeKey: route.routeKey.rawValue
        case .conflictKey: route.routeKey.conflictKey
        case .targetIntegrationId: route.target?.rawValue
        case .authorizationType: route.authorizationType.rawValue
        case .authorizerId: route.authorizerID?.rawValue
        case .authorizationScopes: try JSONColumn.encode(route.authorizationScopes)
        case .apiKeyRequired: route.apiKeyRequired
        case .operationName: route.operationName
        case .modelSelectionExpression: route.modelSelectionExpression
        case .routeResponseSelectionExpression: route.routeResponseSelectionExpression
        case .requestModels: try JSONColumn.encode(route.requestModels)
        case .requestParameters: try JSONColumn.encode(route.requestParameters)
        case .apiGatewayManaged: route.apiGatewayManaged
        }
    }
}
