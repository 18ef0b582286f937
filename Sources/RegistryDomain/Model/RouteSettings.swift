/// Per-route settings of a stage (throttling, logging, metrics).
public struct RouteSettings: Hashable, Sendable, Codable {
    /// Whether data trace logging is on (WebSocket APIs).
    public var dataTraceEnabled: Bool?
    /// Whether detailed metrics are on.
    public var detailedMetricsEnabled: Bool?
    /// The execution-log level (WebSocket APIs).
    public var loggingLevel: LoggingLevel?
    /// The throttling burst limit.
    public var throttlingBurstLimit: Int?
    /// The throttling rate limit, requests per second.
    public var throttlingRateLimit: Double?

    /// Creates route settings; every member is optional.
    public init(
        dataTraceEnabled: Bool? = nil, detailedMetricsEnabled: Bool? = nil, loggingLevel: LoggingLevel? = nil,
        throttlingBurstLimit: Int? = nil, throttlingRateLimit: Double? = nil
    ) {
        self.dataTraceEnabled = dataTraceEnabled
        self.detailedMetricsEnabled = detailedMetricsEnabled
        self.loggingLevel = loggingLevel
        self.throttlingBurstLimit = throttlingBurstLimit
        self.throttlingRateLimit = throttlingRateLimit
    }
}
