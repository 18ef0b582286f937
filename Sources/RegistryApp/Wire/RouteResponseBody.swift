import RegistryDomain

/// The wire form of a route response.
struct RouteResponseBody: Encodable {
    let modelSelectionExpression: String?
    let responseModels: [String: String]?
    let responseParameters: [String: ParameterConstraints]?
    let routeResponseId: String
    let routeResponseKey: String

    /// The wire form of `response`.
    init(_ response: RouteResponse) {
        modelSelectionExpression = response.modelSelectionExpression
        responseModels = response.responseModels
        responseParameters = response.responseParameters
        routeResponseId = response.id.rawValue
        routeResponseKey = response.key
    }
}
