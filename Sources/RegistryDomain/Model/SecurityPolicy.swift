/// The TLS version and cipher suite a custom domain name accepts.
public enum SecurityPolicy: String, Sendable, Codable, CaseIterable {
    /// TLS 1.0 and later (REST APIs with an edge or regional domain only).
    case tls10 = "TLS_1_0"
    /// TLS 1.2 and later: AWS's default, and the only policy HTTP and WebSocket APIs support.
    case tls12 = "TLS_1_2"
}
