/// How a WebSocket integration converts binary and text payloads.
public enum ContentHandlingStrategy: String, Sendable, Codable, CaseIterable {
    case convertToBinary = "CONVERT_TO_BINARY"
    case convertToText = "CONVERT_TO_TEXT"
}
