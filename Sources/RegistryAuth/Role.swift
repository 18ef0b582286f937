/// What a principal may do.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// May read: GET and HEAD.
    case reader
    /// May read and write the catalog.
    case editor
    /// May do everything.
    case admin

    /// Whether the role allows a request with this HTTP method on this path: readers only read
    /// (GET and HEAD), editors and admins also write, and only admins reach the service's
    /// administration (`/v2/admin/…`, such as the database's backup), whatever the method.
    public func permits(method: String, path: String) -> Bool {
        if Self.isAdministration(path) { return self == .admin }
        switch self {
        case .reader: return method == "GET" || method == "HEAD"
        case .editor, .admin: return true
        }
    }

    /// Whether `path` is the service's administration, which only admins reach.
    public static func isAdministration(_ path: String) -> Bool {
        path == "/v2/admin" || path.hasPrefix("/v2/admin/")
    }
}
