import RegistryDomain

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

    /// Creates a configuration; every argument has the service's default.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "registry.sqlite",
        defaultRegion: String = "us-east-1", quotas: Quotas = .aws, maximumBodySize: Int = 1 << 20
    ) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.defaultRegion = defaultRegion
        self.quotas = quotas
        self.maximumBodySize = maximumBodySize
    }
}
