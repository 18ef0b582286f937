import RegistryDomain

/// The wire form of a route.
struct RouteResponse: Encodable {
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
