public import RegistryDomain

/// How ImportApi and ReimportApi read the base path of a definition's first server URL
/// (`basepath`), as API Gateway does.
public enum BasePathMode: String, Sendable, CaseIterable {
    /// The base path is not part of the routes (the default).
    case ignore
    /// Every route's path starts with the whole base path.
    case prepend
    /// The base path's first segment is dropped (it names a stage); the rest starts every path.
    case split

    /// The `basepath` query parameter's mode; `nil` means ``ignore``.
    /// - Throws: ``RegistryError/Code/badRequest`` for another value.
    public init(query: String?) throws(RegistryError) {
        guard let query else {
            self = .ignore
            return
        }
        guard let mode = BasePathMode(rawValue: query.lowercased()) else {
            throw .badRequest("Invalid basepath '\(query.prefix(32))': use ignore, prepend or split.")
        }
        self = mode
    }
}
