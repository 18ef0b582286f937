/// The members of a CreateRouteResponse or UpdateRouteResponse request; `nil` means "not given".
public struct RouteResponseInput: Sendable, Decodable {
    /// The request member `routeResponseKey`.
    public var routeResponseKey: String?
    /// The request member `modelSelectionExpression`.
    public var modelSelectionExpression: String?
    /// The request member `responseModels`.
    public var responseModels: [String: String]?
    /// The request member `responseParameters`.
    public var responseParameters: [String: ParameterConstraints]?

    /// Creates an input; every member is optional.
    public init(
        routeResponseKey: String? = nil, modelSelectionExpression: String? = nil,
        responseModels: [String: String]? = nil, responseParameters: [String: ParameterConstraints]? = nil
    ) {
        self.routeResponseKey = routeResponseKey
        self.modelSelectionExpression = modelSelectionExpression
        self.responseModels = responseModels
        self.responseParameters = responseParameters
    }
}
