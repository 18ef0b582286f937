/// The members of a CreateRoute or UpdateRoute request; `nil` means "not given".
public struct RouteInput: Hashable, Sendable, Decodable {
    /// The request member `routeKey`; `nil` when the request does not give it.
    public var routeKey: String?
    /// `integrations/{integrationId}`.
    public var target: String?
    /// The request member `authorizationType`; `nil` when the request does not give it.
    public var authorizationType: AuthorizationType?
    /// The request member `authorizerId`; `nil` when the request does not give it.
    public var authorizerId: String?
    /// The request member `authorizationScopes`; `nil` when the request does not give it.
    public var authorizationScopes: [String]?
    /// The request member `apiKeyRequired`; `nil` when the request does not give it.
    public var apiKeyRequired: Bool?
    /// The request member `operationName`; `nil` when the request does not give it.
    public var operationName: String?
    /// The request member `modelSelectionExpression`; `nil` when the request does not give it.
    public var modelSelectionExpression: String?
    /// The request member `routeResponseSelectionExpression`; `nil` when the request does not give it.
    public var routeResponseSelectionExpression: String?
    /// The request member `requestModels`; `nil` when the request does not give it.
    public var requestModels: [String: String]?
    /// The request member `requestParameters`; `nil` when the request does not give it.
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
