/// The execution-log level of a WebSocket route.
public enum LoggingLevel: String, Sendable, Codable, CaseIterable {
    case error = "ERROR"
    case info = "INFO"
    case off = "OFF"
}
