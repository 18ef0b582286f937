import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectRoute = RouteColumn.statements.select + " WHERE id = ? AND api_id = ?"
    private static let selectRoutes = RouteColumn.statements.select + " WHERE api_id = ?"

    private func decodeRoute(_ row: StatementRow<RouteColumn>) throws(RegistryError) -> Route {
        Route(
            id: RouteID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]),
            routeKey: RouteKey(stored: row[.routeKey], conflictKey: row[.conflictKey]),
            target: (row[.targetIntegrationId] as String?).map(IntegrationID.init(uncheckedRawValue:)),
            authorizationType: AuthorizationType(rawValue: row[.authorizationType]) ?? .none,
            authorizerID: (row[.authorizerId] as String?).map(AuthorizerID.init(uncheckedRawValue:)),
            authorizationScopes: try JSONColumn.decode([String].self, row[.authorizationScopes]),
            apiKeyRequired: row[.apiKeyRequired], operationName: row[.operationName],
            modelSelectionExpression: row[.modelSelectionExpression],
            routeResponseSelectionExpression: row[.routeResponseSelectionExpression],
            requestModels: try JSONColumn.decode([String: String].self, row[.requestModels]),
            requestParameters: try JSONColumn.decode([String: ParameterConstraints].self, row[.requestParameters]),
            apiGatewayManaged: row[.apiGatewayManaged])
    }

    func route(_ id: RouteID, in api: APIID) throws(RegistryError) -> Route? {
        try one(Self.selectRoute, [id.rawValue, api.rawValue], decode: decodeRoute)
    }

    func routes(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Route> {
        try self.page(Self.selectRoutes, [api.rawValue], page, decode: decodeRoute)
    }

    func routeCount(of api: APIID) throws(RegistryError) -> Int {
        try count("SELECT count(*) FROM routes WHERE api_id = ?", [api.rawValue])
    }

    func route(withConflictKey conflictKey: String, in api: APIID) throws(RegistryError) -> RouteID? {
        try strings("SELECT id FROM routes WHERE api_id = ? AND conflict_key = ?", [api.rawValue, conflictKey])
            .first.map(RouteID.init(uncheckedRawValue:))
    }

    func routes(targeting integration: IntegrationID, in api: APIID) throws(RegistryError) -> [RouteID] {
        try strings(
            "SELECT id FROM routes WHERE api_id = ? AND target_integration_id = ? ORDER BY seq",
            [api.rawValue, integration.rawValue]
        ).map(RouteID.init(uncheckedRawValue:))
    }

    func routes(usingAuthorizer authorizer: AuthorizerID, in api: APIID) throws(RegistryError) -> [RouteID] {
        try strings(
            "SELECT id FROM routes WHERE api_id = ? AND authorizer_id = ? ORDER BY seq",
            [api.rawValue, authorizer.rawValue]
        ).map(RouteID.init(uncheckedRawValue:))
    }

    func insert(_ route: Route) throws(RegistryError) {
        try insert(route, into: RouteColumn.self)
    }

    func update(_ route: Route) throws(RegistryError) {
        try update(route, in: RouteColumn.self)
    }

    func deleteRoute(_ id: RouteID, in api: APIID) throws(RegistryError) {
        try execute("DELETE FROM routes WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
