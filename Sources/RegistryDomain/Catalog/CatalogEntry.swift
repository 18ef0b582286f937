/// One line of the catalog: an API, how big it is, when it last changed and by whom, and what a
/// search matched in it.
public struct CatalogEntry: Sendable {
    /// The API, with its tags.
    public let api: API
    /// How many routes it has.
    public let routeCount: Int
    /// Its newest change record (`nil` only for a database written outside the registry).
    public let lastChange: Change?
    /// What the search matched in it (empty without a search).
    public let matches: [CatalogMatch]
    /// How many of its parts matched, counting those beyond ``matches``.
    public let matchCount: Int

    /// Creates an entry.
    public init(api: API, routeCount: Int, lastChange: Change?, matches: [CatalogMatch], matchCount: Int) {
        self.api = api
        self.routeCount = routeCount
        self.lastChange = lastChange
        self.matches = matches
        self.matchCount = matchCount
    }
}
