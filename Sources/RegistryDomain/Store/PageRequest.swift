/// Which page of a list to read.
public struct PageRequest: Hashable, Sendable {
    /// The largest page the wire API allows.
    public static let maximumSize = 500
    /// The page size when the caller names none.
    public static let defaultSize = 100

    /// How many items at most, 1–500.
    public let maxResults: Int
    /// Where to continue, or `nil` for the first page.
    public let after: PageCursor?

    /// Creates a page request.
    /// - Throws: ``RegistryError/Code/badRequest`` if `maxResults` is outside 1–500.
    public init(maxResults: Int = PageRequest.defaultSize, after: PageCursor? = nil) throws(RegistryError) {
        guard (1...Self.maximumSize).contains(maxResults) else {
            throw .badRequest("maxResults must be between 1 and \(Self.maximumSize), got \(maxResults).")
        }
        self.maxResults = maxResults
        self.after = after
    }
}
