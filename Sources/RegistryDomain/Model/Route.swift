/// A route of an API: a route key and, usually, the integration it targets.
public struct Route: Hashable, Sendable {
    /// The route's identifier.
    public var id: RouteID
    /// The API the route belongs to.
    public var apiID: APIID
    /// The route key, parsed.
    public var routeKey: RouteKey
    /// The integration the route targets, if any (`integrations/{id}` on the wire).
    public var target: IntegrationID?
    /// How callers are authorized; `NONE` by default.
    public var authorizationType: AuthorizationType
    /// The authorizer for `JWT` and `CUSTOM` authorization.
    public var authorizerID: AuthorizerID?
    /// OAuth scopes required by a JWT authorizer.
    public var authorizationScopes: [String]?
    /// Whether an API key is required (WebSocket APIs).
    public var apiKeyRequired: Bool
    /// An operation name for the route, 1–64 characters.
    public var operationName: String?
    /// The model selection expression (WebSocket APIs).
    public var modelSelectionExpression: String?
    /// The route response selection expression (WebSocket APIs).
    public var routeResponseSelectionExpression: String?
    /// Request models by content type (WebSocket APIs).
    public var requestModels: [String: String]?
    /// Request parameters and whether each is required (WebSocket APIs).
    public var requestParameters: [String: ParameterConstraints]?
    /// Whether API Gateway manages the route (created by quick create).
    public var apiGatewayManaged: Bool

    /// Creates a route value; rules are checked by the use cases, not here.
    public init(
        id: RouteID, apiID: APIID, routeKey: RouteKey, target: IntegrationID? = nil,
        authorizationType: AuthorizationType = .none, authorizerID: AuthorizerID? = nil,
        authorizationScopes: [String]? = nil, apiKeyRequired: Bool = false, operationName: String? = nil,
        modelSelectionExpression: String? = nil, routeResponseSelectionExpression: String? = nil,
        requestModels: [String: String]? = nil, requestParameters: [String: ParameterConstraints]? = nil,
        apiGatewayManaged: Bool = false
    ) {
        self.id = id
        self.apiID = apiID
        self.routeKey = routeKey
        self.target = target
        self.authorizationType = authorizationType
        self.authorizerID = authorizerID
        self.authorizationScopes = authorizationScopes
        self.apiKeyRequired = apiKeyRequired
        self.operationName = operationName
        self.modelSelectionExpression = modelSelectionExpression
        self.routeResponseSelectionExpression = routeResponseSelectionExpression
        self.requestModels = requestModels
        self.requestParameters = requestParameters
        self.apiGatewayManaged = apiGatewayManaged
    }

    /// The route's target as the wire shows it: `integrations/{id}`.
    public var targetString: String? { target.map { "integrations/\($0.rawValue)" } }
}
