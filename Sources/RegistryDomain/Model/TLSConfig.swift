/// TLS settings of a private integration.
public struct TLSConfig: Hashable, Sendable, Codable {
    /// The server name API Gateway verifies on the backend's certificate.
    public var serverNameToVerify: String?

    /// Creates a TLS configuration.
    public init(serverNameToVerify: String? = nil) { self.serverNameToVerify = serverNameToVerify }
}
