import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let routeColumns = """
        seq, id, api_id, route_key, target_integration_id, authorization_type, authorizer_id, authorization_scopes,
        api_key_required, operation_name, model_selection_expression, route_response_selection_expression,
        request_models, request_parameters, api_gateway_managed, conflict_key
        """

    private func decodeRoute(_ row: StatementRow) throws -> Route {
        Route(
            id: RouteID(uncheckedRawValue: row[1]), apiID: APIID(uncheckedRawValue: row[2]),
            routeKey: RouteKey(stored: row[3], conflictKey: row[15]),
            target: (row[4] as String?).map(IntegrationID.init(uncheckedRawValue:)),
            authorizationType: AuthorizationType(rawValue: row[5]) ?? .none,
            authorizerID: (row[6] as String?).map(AuthorizerID.init(uncheckedRawValue:)),
            authorizationScopes: try JSONColumn.decode([String].self, row[7]), apiKeyRequired: row[8],
            operationName: row[9], modelSelectionExpression: row[10], routeResponseSelectionExpression: row[11],
            requestModels: try JSONColumn.decode([String: String].self, row[12]),
            requestParameters: try JSONColumn.decode([String: ParameterConstraints].self, row[13]),
            apiGatewayManaged: row[14])
    }

    func route(_ id: RouteID, in api: APIID) throws -> Route? {
        try one(
            "SELECT \(Self.routeColumns) FROM routes WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue],
            decode: decodeRoute)
    }

    func routes(of api: APIID, _ page: PageRequest) throws -> Page<Route> {
        try self.page(
            "SELECT \(Self.routeColumns) FROM routes WHERE api_id = ?", [api.rawValue], page, decode: decodeRoute)
    }

    func routeCount(of api: APIID) throws -> Int {
        try count("SELECT count(*) FROM routes WHERE api_id = ?", [api.rawValue])
    }

    func route(withConflictKey conflictKey: String, in api: APIID) throws -> RouteID? {
        try one("SELECT id FROM routes WHERE api_id = ? AND conflict_key = ?", [api.rawValue, conflictKey]) { row in
            row[0] as String
        }.map(RouteID.init(uncheckedRawValue:))
    }

    func routes(targeting integration: IntegrationID, in api: APIID) throws -> [RouteID] {
        try all(
            "SELECT id FROM routes WHERE api_id = ? AND target_integration_id = ? ORDER BY seq",
            [api.rawValue, integration.rawValue]
        ) { row in row[0] as String }.map(RouteID.init(uncheckedRawValue:))
    }

    func routes(usingAuthorizer authorizer: AuthorizerID, in api: APIID) throws -> [RouteID] {
        try all(
            "SELECT id FROM routes WHERE api_id = ? AND authorizer_id = ? ORDER BY seq",
            [api.rawValue, authorizer.rawValue]
        ) { row in row[0] as String }.map(RouteID.init(uncheckedRawValue:))
    }

    private func routeArguments(_ route: Route) throws -> SQLArguments {
        [
            route.routeKey.rawValue, route.routeKey.conflictKey, route.target?.rawValue,
            route.authorizationType.rawValue, route.authorizerID?.rawValue,
            try JSONColumn.encode(route.authorizationScopes),
            route.apiKeyRequired, route.operationName, route.modelSelectionExpression,
            route.routeResponseSelectionExpression, try JSONColumn.encode(route.requestModels),
            try JSONColumn.encode(route.requestParameters), route.apiGatewayManaged,
        ]
    }

    func insert(_ route: Route) throws {
        var arguments: SQLArguments = [route.id.rawValue, route.apiID.rawValue]
        arguments += try routeArguments(route)
        try execute(
            """
            INSERT INTO routes (id, api_id, route_key, conflict_key, target_integration_id, authorization_type,
                authorizer_id, authorization_scopes, api_key_required, operation_name, model_selection_expression,
                route_response_selection_expression, request_models, request_parameters, api_gateway_managed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments)
    }

    func update(_ route: Route) throws {
        var arguments = try routeArguments(route)
        arguments += [route.id.rawValue, route.apiID.rawValue]
        try execute(
            """
            UPDATE routes SET route_key = ?, conflict_key = ?, target_integration_id = ?, authorization_type = ?,
                authorizer_id = ?, authorization_scopes = ?, api_key_required = ?, operation_name = ?,
                model_selection_expression = ?, route_response_selection_expression = ?, request_models = ?,
                request_parameters = ?, api_gateway_managed = ?
            WHERE id = ? AND api_id = ?
            """, arguments)
    }

    func deleteRoute(_ id: RouteID, in api: APIID) throws {
        try execute("DELETE FROM routes WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
