/// Where a custom domain name's endpoint lives: in the API's region, or behind CloudFront.
public enum EndpointType: String, Sendable, Codable, CaseIterable {
    /// A regional endpoint (the only kind HTTP and WebSocket APIs can be mapped to).
    case regional = "REGIONAL"
    /// An edge-optimized endpoint (REST APIs only).
    case edge = "EDGE"
}
