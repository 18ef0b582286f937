import Foundation

/// A setting of the service: a command-line option (`--auth-file`) and, when the command line does
/// not give it, an environment variable (`REGISTRY_AUTH_FILE`).
public enum Setting: String, CaseIterable, Sendable {
    /// The address to bind.
    case host
    /// The port to bind; 0 picks a free one.
    case port
    /// The SQLite database file.
    case db
    /// The region reported when a request's credentials name none.
    case region
    /// The JSON file of principals, roles and credentials.
    case authFile = "auth-file"
    /// Requests per second each principal may send.
    case rateLimit = "rate-limit"
    /// The least severe log level written.
    case logLevel = "log-level"
    /// Where to send traces (OpenTelemetry's OTLP over HTTP); none sends nothing.
    case otlpEndpoint = "otlp-endpoint"

    /// The command-line option, e.g. `--auth-file`.
    public var option: String { "--" + rawValue }

    /// The environment variable, e.g. `REGISTRY_AUTH_FILE`.
    public var environmentVariable: String {
        "REGISTRY_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
