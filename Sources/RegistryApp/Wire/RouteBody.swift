import RegistryDomain

/// The wire form of a route.
struct RouteBody: Encodable {
    let apiGatewayManaged: Bool?
    let apiKeyRequired: Bool
    let authorizationScopes: [String]?
    let authorizationType: String
    let authorizerId: String?
    let modelSelectionExpression: String?
    let operationName: String?
    let requestModels: [String: String]?
    let requestParameters: [String: ParameterConstraints]?
    let routeId: String
    let routeKey: String
    let routeResponseSelectionExpression: String?
    let target: String?

    /// The wire form of `route`.
    init(_ route: Route) {
        apiGatewayManaged = route.apiGatewayManaged ? true : nil
        apiKeyRequired = route.apiKeyRequired
        authorizationScopes = route.authorizationScopes
        authorizationType = route.authorizationType.rawValue
        authorizerId = route.authorizerID?.rawValue
        modelSelectionExpression = route.modelSelectionExpression
        operationName = route.operationName
        requestModels = route.requestModels
        requestParameters = route.requestParameters
        routeId = route.id.rawValue
        routeKey = route.routeKey.rawValue
        routeResponseSelectionExpression = route.routeResponseSelectionExpression
        target = route.targetString
    }
}

extension RouteBody: JSONWritable {
    /// Writes the members in sorted order, as ``WireJSON/encoder`` would.
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.member("apiGatewayManaged", apiGatewayManaged)
            json.member("apiKeyRequired", apiKeyRequired)
            json.member("authorizationScopes", authorizationScopes)
            json.member("authorizationType", authorizationType)
            json.member("authorizerId", authorizerId)
            json.member("modelSelectionExpression", modelSelectionExpression)
            json.member("operationName", operationName)
            json.member("requestModels", requestModels)
            json.member("requestParameters", requestParameters)
            json.member("routeId", routeId)
            json.member("routeKey", routeKey)
            json.member("routeResponseSelectionExpression", routeResponseSelectionExpression)
            json.member("target", target)
        }
    }
}
