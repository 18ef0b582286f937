extension RegistryService {
    /// The newest change records an API's page shows.
    public static let overviewRevisions = 20

    /// The API's page: the API with all its parts and its newest change records, in one snapshot.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func overview(of apiID: APIID) async throws(RegistryError) -> APIOverview {
        let page = try PageRequest(maxResults: Self.overviewRevisions)
        return try await store.read { registry throws(RegistryError) in
            APIOverview(
                snapshot: try Self.snapshot(of: apiID, in: registry),
                revisions: try registry.changes(in: .api(apiID), page))
        }
    }

    /// The custom domain name's page: the domain name and the API each mapping serves.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown domain name.
    public func domainNameOverview(_ name: DomainNameID) async throws(RegistryError) -> DomainNameOverview {
        try await store.read { registry throws(RegistryError) in
            let domainName = try Self.existingDomainName(name, registry)
            var mappings: [DomainNameOverview.MappedAPI] = []
            for mapping in try registry.apiMappings(on: name) {
                let api = try registry.untaggedAPI(mapping.apiID)
                mappings.append(
                    DomainNameOverview.MappedAPI(mapping: mapping, apiName: api?.name ?? mapping.apiID.rawValue))
            }
            return DomainNameOverview(domainName: domainName, mappings: mappings)
        }
    }

    /// A revision's page: its change record and the API before and after it. History does not
    /// change, so the reads need not share one snapshot.
    /// - Throws: ``RegistryError/Code/notFound`` for an id no API ever had or a revision it has not
    ///   reached, ``RegistryError/Code/badRequest`` for a revision below 1.
    public func revisionStory(_ revision: Int, of apiID: APIID) async throws(RegistryError) -> RevisionStory {
        let change = try await change(revision: revision, of: apiID)
        return RevisionStory(
            change: change, before: try await snapshotIfPresent(of: apiID, atRevision: revision - 1),
            after: try await snapshotIfPresent(of: apiID, atRevision: revision),
            latestRevision: try await latestRevision(of: apiID))
    }

    /// The API's name, or its id once it is deleted (its history stays readable).
    /// - Throws: ``RegistryError/Code/notFound`` for an id no API ever had.
    public func apiName(_ apiID: APIID) async throws(RegistryError) -> String {
        try await store.read { registry throws(RegistryError) in
            if let api = try registry.untaggedAPI(apiID) { return api.name }
            guard try registry.latestChange(of: .api(apiID)) != nil else {
                throw RegistryError.notFound("Invalid API identifier specified: \(apiID).")
            }
            return apiID.rawValue
        }
    }
}
