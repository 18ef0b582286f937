/// A route response: what a WebSocket route sends back to the client (two-way communication).
public struct RouteResponse: Hashable, Sendable {
    /// The route response's identifier.
    public var id: RouteResponseID
    /// The API it belongs to.
    public var apiID: APIID
    /// The route it belongs to.
    public var routeID: RouteID
    /// The key; AWS supports only `$default`.
    public var key: String
    /// The model selection expression.
    public var modelSelectionExpression: String?
    /// Response models by selection key (model names of the same API).
    public var responseModels: [String: String]?
    /// Response parameters and whether each is required.
    public var responseParameters: [String: ParameterConstraints]?

    /// Creates a route response value; rules are checked by the use cases, not here.
    public init(
        id: RouteResponseID, apiID: APIID, routeID: RouteID, key: String, modelSelectionExpression: String? = nil,
        responseModels: [String: String]? = nil, responseParameters: [String: ParameterConstraints]? = nil
    ) {
        self.id = id
        self.apiID = apiID
        self.routeID = routeID
        self.key = key
        self.modelSelectionExpression = modelSelectionExpression
        self.responseModels = responseModels
        self.responseParameters = responseParameters
    }
}
