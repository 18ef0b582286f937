/// The protocol of an API: HTTP APIs or WebSocket APIs.
public enum ProtocolType: String, Sendable, Codable, CaseIterable {
    case http = "HTTP"
    case websocket = "WEBSOCKET"
}
