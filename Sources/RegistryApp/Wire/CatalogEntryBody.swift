import RegistryDomain

/// The wire form of a catalog entry (an item of GetCatalog): the API's summary, its size, its
/// newest change and what a search matched in it.
struct CatalogEntryBody: Encodable {
    /// The newest change of the API, as the catalog shows it.
    struct LastChange: Encodable {
        let createdDate: String
        let operation: String
        let principal: String
        let revision: Int
    }

    /// One matched part of the API.
    struct Match: Encodable {
        let id: String
        let kind: String
        let text: String
    }

    let apiId: String
    let description: String?
    let lastChange: LastChange?
    let matchCount: Int?
    let matches: [Match]?
    let name: String
    let protocolType: String
    let routeCount: Int
    let tags: [String: String]

    /// The wire form of `entry`; `matches` and `matchCount` only when the query searched.
    init(_ entry: CatalogEntry, searched: Bool) {
        apiId = entry.api.id.rawValue
        description = entry.api.description
        lastChange = entry.lastChange.map {
            LastChange(
                createdDate: $0.createdDate.iso8601, operation: $0.operation, principal: $0.principal,
                revision: $0.revision)
        }
        matchCount = searched ? entry.matchCount : nil
        matches = searched ? entry.matches.map { Match(id: $0.itemID, kind: $0.kind.rawValue, text: $0.text) } : nil
        name = entry.api.name
        protocolType = entry.api.protocolType.rawValue
        routeCount = entry.routeCount
        tags = entry.api.tags
    }
}
