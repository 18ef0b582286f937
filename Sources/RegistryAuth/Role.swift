/// What a principal may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// May read: GET and HEAD.
    case reader
    /// May read and write the catalog.
    case editor
    /// May do everything.
    case admin

    /// Whether the role allows a request with this HTTP method.
    public func permits(method: String) -> Bool {
        switch self {
        case .reader: method == "GET" || method == "HEAD"
        case .editor, .admin: true
        }
    }
}
