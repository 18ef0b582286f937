/// The members of a CreateRoute or UpdateRoute request; `nil` means "not given".
public struct RouteInput: Sendable, Decodable {
    public var routeKey: String?
    /// `integrations/{integrationId}`.
    public var target: String?
    public var authorizationType: AuthorizationType?
    public var authorizerId: String?
    public var authorizationScopes: [String]?
    public var apiKeyRequired: Bool?
    public var operationName: String?
    public var modelSelectionExpression: String?
    public var routeResponseSelectionExpression: String?
    public var requestModels: [String: String]?
    public var requestParameters: [String: ParameterConstraints]?

    /// Creates an input; every member is optional.
    public init(
        routeKey: String? = nil, target: String? = nil, authorizationType: AuthorizationType? = nil,
        authorizerId: String? = nil, authorizationScopes: [String]? = nil, apiKeyRequired: Bool? = nil,
        operationName: String? = nil, modelSelectionExpression: String? = nil,
        routeResponseSelectionExpression: String? = nil, requestModels: [String: String]? = nil,
        requestParameters: [String: ParameterConstraints]? = nil
    ) {
        self.routeKey = routeKey
        self.target = target
        self.authorizationType = authorizationType
        self.authorizerId = authorizerId
        self.authorizationScopes = authorizationScopes
        self.apiKeyRequired = apiKeyRequired
        self.operationName = operationName
        self.modelSelectionExpression = modelSelectionExpression
        self.routeResponseSelectionExpression = routeResponseSelectionExpression
        self.requestModels = requestModels
        self.requestParameters = requestParameters
    }
}
