/// The CORS settings of an HTTP API.
public struct CorsConfiguration: Hashable, Sendable, Codable {
    /// Whether credentials are allowed in CORS requests.
    public var allowCredentials: Bool?
    /// Allowed request headers.
    public var allowHeaders: [String]?
    /// Allowed methods.
    public var allowMethods: [String]?
    /// Allowed origins.
    public var allowOrigins: [String]?
    /// Headers exposed to the browser.
    public var exposeHeaders: [String]?
    /// Seconds a preflight result may be cached, -1 to 86400.
    public var maxAge: Int?

    /// Creates a CORS configuration; every member is optional.
    public init(
        allowCredentials: Bool? = nil, allowHeaders: [String]? = nil, allowMethods: [String]? = nil,
        allowOrigins: [String]? = nil, exposeHeaders: [String]? = nil, maxAge: Int? = nil
    ) {
        self.allowCredentials = allowCredentials
        self.allowHeaders = allowHeaders
        self.allowMethods = allowMethods
        self.allowOrigins = allowOrigins
        self.exposeHeaders = exposeHeaders
        self.maxAge = maxAge
    }
}
