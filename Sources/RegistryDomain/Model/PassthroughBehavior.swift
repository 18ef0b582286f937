/// What a WebSocket integration does with a request body no template matches.
public enum PassthroughBehavior: String, Sendable, Codable, CaseIterable {
    case whenNoMatch = "WHEN_NO_MATCH"
    case never = "NEVER"
    case whenNoTemplates = "WHEN_NO_TEMPLATES"
}
