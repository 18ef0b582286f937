extension RegistryService {
    /// How many of each kind of entity the catalog holds, in one snapshot.
    /// - Throws: the store's failure.
    public func catalogCounts() async throws(RegistryError) -> CatalogCounts {
        try await store.read { transaction throws(RegistryError) in try transaction.catalogCounts() }
    }
}
