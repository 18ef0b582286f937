extension RegistryService {
    /// The catalog (the web pages' and GetCatalog's read): APIs newest first, searched and filtered
    /// by `query`, each with its tags, route count, newest change and what the search matched, read
    /// in one snapshot. A page may hold fewer entries than asked and still go on (see
    /// ``RegistryReadTransaction/catalog(_:_:)``).
    /// - Throws: only the storage's failures; an unknown tag or a search matching nothing is an
    ///   empty page.
    public func catalog(_ query: CatalogQuery, _ page: PageRequest) async throws(RegistryError) -> Page<CatalogEntry> {
        try await store.read { registry throws(RegistryError) in
            let hits = try registry.catalog(query, page)
            var entries: [CatalogEntry] = []
            entries.reserveCapacity(hits.items.count)
            for hit in hits.items {
                // The hit and its API are read in one snapshot, so the API is there.
                guard let api = try registry.api(hit.apiID) else { continue }
                entries.append(
                    CatalogEntry(
                        api: api, routeCount: try registry.routeCount(of: hit.apiID),
                        lastChange: try registry.latestChange(of: .api(hit.apiID)), matches: hit.matches,
                        matchCount: hit.matchCount))
            }
            return Page(items: entries, next: hits.next)
        }
    }
}
