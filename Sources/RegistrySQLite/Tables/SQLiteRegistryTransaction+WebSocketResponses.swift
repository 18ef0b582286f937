import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectModel = ModelColumn.statements.select + " WHERE id = ? AND api_id = ?"
    private static let selectModelByName = ModelColumn.statements.select + " WHERE api_id = ? AND name = ?"
    private static let selectRouteResponse = RouteResponseColumn.statements.select + " WHERE id = ? AND route_id = ?"
    private static let selectIntegrationResponse =
        IntegrationResponseColumn.statements.select + " WHERE id = ? AND integration_id = ?"

    private func decodeModel(_ row: StatementRow<ModelColumn>) -> Model {
        Model(
            id: ModelID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]), name: row[.name],
            schema: row[.schema], contentType: row[.contentType], description: row[.description])
    }

    private func decodeRouteResponse(_ row: StatementRow<RouteResponseColumn>) throws(RegistryError) -> RouteResponse {
        RouteResponse(
            id: RouteResponseID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]),
            routeID: RouteID(uncheckedRawValue: row[.routeId]), key: row[.routeResponseKey],
            modelSelectionExpression: row[.modelSelectionExpression],
            responseModels: try JSONColumn.decode([String: String].self, row[.responseModels]),
            responseParameters: try JSONColumn.decode([String: ParameterConstraints].self, row[.responseParameters]))
    }

    private func decodeIntegrationResponse(
        _ row: StatementRow<IntegrationResponseColumn>
    ) throws(RegistryError) -> IntegrationResponse {
        let strategy: String? = row[.contentHandlingStrategy]
        return IntegrationResponse(
            id: IntegrationResponseID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]),
            integrationID: IntegrationID(uncheckedRawValue: row[.integrationId]), key: row[.integrationResponseKey],
            templateSelectionExpression: row[.templateSelectionExpression],
            responseTemplates: try JSONColumn.decode([String: String].self, row[.responseTemplates]),
            contentHandlingStrategy: strategy.flatMap(ContentHandlingStrategy.init(rawValue:)),
            responseParameters: try JSONColumn.decode([String: String].self, row[.responseParameters]))
    }

    func model(_ id: ModelID, in api: APIID) throws(RegistryError) -> Model? {
        try one(Self.selectModel, [id.rawValue, api.rawValue], decode: decodeModel)
    }

    func model(named name: String, in api: APIID) throws(RegistryError) -> Model? {
        try one(Self.selectModelByName, [api.rawValue, name], decode: decodeModel)
    }

    func models(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Model> {
        try self.page(ModelColumn.statements.select + " WHERE api_id = ?", [api.rawValue], page, decode: decodeModel)
    }

    func routes(namingModel name: String, in api: APIID) throws(RegistryError) -> [RouteID] {
        try strings(
            """
            SELECT DISTINCT routes.id FROM routes, json_each(routes.request_models) AS named
            WHERE routes.api_id = ? AND routes.request_models IS NOT NULL AND named.value = ? ORDER BY routes.id
            """, [api.rawValue, name]
        ).map(RouteID.init(uncheckedRawValue:))
    }

    func routeResponses(namingModel name: String, in api: APIID) throws(RegistryError) -> [RouteResponseID] {
        try strings(
            """
            SELECT DISTINCT route_responses.id FROM route_responses, json_each(route_responses.response_models) AS named
            WHERE route_responses.api_id = ? AND route_responses.response_models IS NOT NULL AND named.value = ?
            ORDER BY route_responses.id
            """, [api.rawValue, name]
        ).map(RouteResponseID.init(uncheckedRawValue:))
    }

    func routeResponse(_ id: RouteResponseID, of route: RouteID) throws(RegistryError) -> RouteResponse? {
        try one(Self.selectRouteResponse, [id.rawValue, route.rawValue], decode: decodeRouteResponse)
    }

    func routeResponses(of route: RouteID, _ page: PageRequest) throws(RegistryError) -> Page<RouteResponse> {
        try self.page(
            RouteResponseColumn.statements.select + " WHERE route_id = ?", [route.rawValue], page,
            decode: decodeRouteResponse)
    }

    func routeResponse(withKey key: String, of route: RouteID) throws(RegistryError) -> RouteResponseID? {
        try strings(
            "SELECT id FROM route_responses WHERE route_id = ? AND route_response_key = ?", [route.rawValue, key]
        )
        .first.map(RouteResponseID.init(uncheckedRawValue:))
    }

    func routeResponses(ofAPI api: APIID) throws(RegistryError) -> [RouteResponse] {
        try all(
            RouteResponseColumn.statements.select + " WHERE api_id = ? ORDER BY seq", [api.rawValue],
            decode: decodeRouteResponse)
    }

    func integrationResponse(
        _ id: IntegrationResponseID, of integration: IntegrationID
    ) throws(RegistryError) -> IntegrationResponse? {
        try one(Self.selectIntegrationResponse, [id.rawValue, integration.rawValue], decode: decodeIntegrationResponse)
    }

    func integrationResponses(
        of integration: IntegrationID, _ page: PageRequest
    ) throws(RegistryError) -> Page<IntegrationResponse> {
        try self.page(
            IntegrationResponseColumn.statements.select + " WHERE integration_id = ?", [integration.rawValue], page,
            decode: decodeIntegrationResponse)
    }

    func integrationResponse(
        withKey key: String, of integration: IntegrationID
    ) throws(RegistryError) -> IntegrationResponseID? {
        try strings(
            "SELECT id FROM integration_responses WHERE integration_id = ? AND integration_response_key = ?",
            [integration.rawValue, key]
        ).first.map(IntegrationResponseID.init(uncheckedRawValue:))
    }

    func integrationResponses(ofAPI api: APIID) throws(RegistryError) -> [IntegrationResponse] {
        try all(
            IntegrationResponseColumn.statements.select + " WHERE api_id = ? ORDER BY seq", [api.rawValue],
            decode: decodeIntegrationResponse)
    }

    func insert(_ model: Model) throws(RegistryError) { try insert(model, into: ModelColumn.self) }

    func update(_ model: Model) throws(RegistryError) { try update(model, in: ModelColumn.self) }

    func deleteModel(_ id: ModelID, in api: APIID) throws(RegistryError) {
        try execute("DELETE FROM models WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }

    func insert(_ routeResponse: RouteResponse) throws(RegistryError) {
        try insert(routeResponse, into: RouteResponseColumn.self)
    }

    func update(_ routeResponse: RouteResponse) throws(RegistryError) {
        try update(routeResponse, in: RouteResponseColumn.self)
    }

    func deleteRouteResponse(_ id: RouteResponseID, of route: RouteID) throws(RegistryError) {
        try execute("DELETE FROM route_responses WHERE id = ? AND route_id = ?", [id.rawValue, route.rawValue])
    }

    func insert(_ integrationResponse: IntegrationResponse) throws(RegistryError) {
        try insert(integrationResponse, into: IntegrationResponseColumn.self)
    }

    func update(_ integrationResponse: IntegrationResponse) throws(RegistryError) {
        try update(integrationResponse, in: IntegrationResponseColumn.self)
    }

    func deleteIntegrationResponse(_ id: IntegrationResponseID, of integration: IntegrationID) throws(RegistryError) {
        try execute(
            "DELETE FROM integration_responses WHERE id = ? AND integration_id = ?",
            [id.rawValue, integration.rawValue])
    }
}
