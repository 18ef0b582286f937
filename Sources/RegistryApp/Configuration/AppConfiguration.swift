public import Logging
public import RegistryAuth
public import RegistryDomain

/// Everything the HTTP application needs to know at start-up.
public struct AppConfiguration: Sendable {
    /// The address to bind (`127.0.0.1` by default).
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The SQLite file.
    public var databasePath: String
    /// The region reported in `apiEndpoint` and ARNs when a request's credentials name none.
    public var defaultRegion: String
    /// Per-API limits.
    public var quotas: Quotas
    /// The largest request body accepted, in bytes (1 MiB); larger bodies get 413.
    public var maximumBodySize: Int
    /// The principals who may call the service; `nil` runs it open (loopback only).
    public var authentication: AuthConfiguration?
    /// Requests per second each principal may send (token bucket, burst of the same size); `nil`
    /// for no limit.
    public var rateLimitPerSecond: Double?

    /// The least severe level the service logs (`info` writes one line per request).
    public var logLevel: Logger.Level = .info
    /// The OTLP/HTTP endpoint traces are exported to (e.g. `http://collector:4318`); `nil` exports
    /// none.
    public var otlpEndpoint: String?

    /// Creates a configuration; every argument has the service's default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String = AppConfiguration.defaultDatabasePath,
        defaultRegion: String = "us-east-1", quotas: Quotas = .aws, maximumBodySize: Int = 1 << 20,
        authentication: AuthConfiguration? = nil, rateLimitPerSecond: Double? = nil
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.defaultRegion = defaultRegion
        self.quotas = quotas
        self.maximumBodySize = maximumBodySize
        self.authentication = authentication
        self.rateLimitPerSecond = rateLimitPerSecond
    }

    /// Whether `host` is a loopback address, the only kind an open (unauthenticated) service binds.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
