/// One API a catalog query found, with what in it matched (empty when the query only filters).
public struct CatalogHit: Hashable, Sendable {
    /// The API.
    public let apiID: APIID
    /// The parts of the API the search matched, newest kind by kind (at most
    /// ``CatalogHit/maximumMatches``), then how many matched in all among those read.
    public let matches: [CatalogMatch]
    /// How many parts of the API matched, counting those beyond ``matches``.
    public let matchCount: Int

    /// The most matches a hit carries.
    public static let maximumMatches = 5

    /// Creates a hit.
    public init(apiID: APIID, matches: [CatalogMatch] = [], matchCount: Int = 0) {
        self.apiID = apiID
        self.matches = matches
        self.matchCount = matchCount
    }
}
