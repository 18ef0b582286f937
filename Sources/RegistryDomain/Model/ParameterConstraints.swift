/// Constraints on a route request parameter (WebSocket APIs).
public struct ParameterConstraints: Hashable, Sendable, Codable {
    /// Whether the parameter is required.
    public var required: Bool?

    /// Creates parameter constraints.
    public init(required: Bool? = nil) { self.required = required }
}
