extension RegistryService {
    /// GetRevisions (extension): the API's change records, newest first. A deleted API's stay
    /// readable by its id (its newest is the DeleteApi).
    /// - Throws: ``RegistryError/Code/notFound`` for an id that no API ever had.
    public func revisions(of apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Change> {
        try await store.read { registry throws(RegistryError) in
            let changes = try registry.changes(in: .api(apiID), page)
            if changes.items.isEmpty, page.after == nil {
                throw RegistryError.notFound("Invalid API identifier specified: \(apiID).")
            }
            return changes
        }
    }

    /// GetChanges (extension): the catalog-wide audit log, newest first, filtered.
    public func changes(_ filter: ChangeFilter, _ page: PageRequest) async throws(RegistryError) -> Page<Change> {
        try await store.read { registry throws(RegistryError) in try registry.changes(filter, page) }
    }

    /// The change that made revision `revision` of the API.
    /// - Throws: ``RegistryError/Code/notFound`` for an id no API ever had or a revision it has not
    ///   reached, ``RegistryError/Code/badRequest`` for a revision below 1.
    public func change(revision: Int, of apiID: APIID) async throws(RegistryError) -> Change {
        guard revision >= 1 else { throw .badRequest("revision must be 1 or more, got \(revision).") }
        return try await store.read { registry throws(RegistryError) in
            try Self.existingChange(revision: revision, of: apiID, in: registry)
        }
    }

    /// The API as it stood right after revision `revision`: what its template and export were then.
    /// - Throws: as ``change(revision:of:)``, and ``RegistryError/Code/notFound`` for the revision
    ///   that deleted the API (there is nothing to synthesize after it).
    public func snapshot(of apiID: APIID, atRevision revision: Int) async throws(RegistryError) -> APISnapshot {
        let (change, snapshot) = try await state(of: apiID, atRevision: revision)
        guard let snapshot else {
            throw .notFound("API \(apiID) was deleted at revision \(revision) (\(change.operation)).")
        }
        return snapshot
    }

    /// The change that made revision `revision` (1 or more) of the API, and the API as it stood right
    /// after it (`nil` from its DeleteApi on).
    /// - Throws: as ``change(revision:of:)``.
    private func state(
        of apiID: APIID, atRevision revision: Int
    ) async throws(RegistryError) -> (change: Change, snapshot: APISnapshot?) {
        let change = try await change(revision: revision, of: apiID)
        let snapshot = try await store.read(asOfChange: change.sequence) {
            registry throws(RegistryError) -> APISnapshot? in
            guard try registry.untaggedAPI(apiID) != nil else { return nil }
            return try Self.snapshot(of: apiID, in: registry)
        }
        return (change, snapshot)
    }

    static func existingChange(
        revision: Int, of apiID: APIID, in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Change {
        if let change = try registry.change(revision: revision, of: .api(apiID)) { return change }
        guard let latest = try registry.latestChange(of: .api(apiID)) else {
            throw RegistryError.notFound("Invalid API identifier specified: \(apiID).")
        }
        throw RegistryError.notFound("API \(apiID) has no revision \(revision); its latest is \(latest.revision).")
    }
}

extension RegistryService {
    /// The API as it stood right after revision `revision`, or `nil` where there was no API: at
    /// revision 0 (before its CreateApi) and from its DeleteApi on. What a change set compares.
    /// - Throws: ``RegistryError/Code/notFound`` for an id no API ever had or a revision it has not
    ///   reached, ``RegistryError/Code/badRequest`` for a negative revision.
    public func snapshotIfPresent(of apiID: APIID, atRevision revision: Int) async throws(RegistryError) -> APISnapshot?
    {
        guard revision >= 0 else { throw .badRequest("revision must be 0 or more, got \(revision).") }
        guard revision > 0 else {
            _ = try await latestRevision(of: apiID)
            return nil
        }
        return try await state(of: apiID, atRevision: revision).snapshot
    }

    /// The API's newest revision number (its DeleteApi, if it was deleted).
    /// - Throws: ``RegistryError/Code/notFound`` for an id no API ever had.
    public func latestRevision(of apiID: APIID) async throws(RegistryError) -> Int {
        try await store.read { registry throws(RegistryError) in
            guard let latest = try registry.latestChange(of: .api(apiID)) else {
                throw RegistryError.notFound("Invalid API identifier specified: \(apiID).")
            }
            return latest.revision
        }
    }
}

extension RegistryService {
    /// RestoreRevision (extension): one new revision whose content is revision `revision`'s — the
    /// API, its children and its API mappings, with their ids — so its template is the template
    /// that revision had (as long as the VPC links and domain names it names are as they were).
    /// Restoring a revision of a deleted API brings it back under its id.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or revision, or a VPC link or
    ///   domain name the revision uses that no longer exists; ``RegistryError/Code/badRequest`` for the
    ///   revision that deleted the API; what an API mapping's rules throw when a mapping can no longer
    ///   be made (its key taken on the domain name since).
    public func restoreRevision(_ revision: Int, of apiID: APIID) async throws(RegistryError) -> API {
        let (change, state) = try await state(of: apiID, atRevision: revision)
        guard let snapshot = state else {
            throw .badRequest(
                "Revision \(revision) of API \(apiID) is its deletion (\(change.operation)): restore an earlier one.")
        }
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            try registry.record("RestoreRevision", .api, apiID.rawValue, in: .api(apiID), at: now)
            for link in Set(snapshot.integrations.compactMap(\.connectionID)).sorted()
            where try registry.vpcLink(link) == nil {
                throw RegistryError.notFound(
                    "Invalid VPC link identifier specified: no VPC link \(link) (revision \(revision) uses it).")
            }
            for mapping in snapshot.apiMappings { _ = try Self.existingDomainName(mapping.domainName, registry) }
            try registry.restoreAPI(apiID, asOfChange: change.sequence)
            for mapping in snapshot.apiMappings {
                try mapping.checkRules(using: registry, quotas: quotas)
                try registry.insert(mapping)
            }
            return snapshot.api
        }
    }
}

extension RegistryService {
    /// GetChange (extension): one record of the audit log with the resource it names as it stood
    /// right before and right after the change — what the resource's Get operation answered then
    /// (`nil` before a create and after a delete). Rebuilt from the rows' versions, so a change to
    /// a route stores that route, not the API.
    /// - Throws: ``RegistryError/Code/notFound`` for a sequence number no change has.
    public func change(sequence: Int64) async throws(RegistryError) -> ChangeDetail {
        let change = try await store.read { registry throws(RegistryError) in
            guard let change = try registry.change(sequence: sequence) else {
                throw RegistryError.notFound("Invalid change sequence specified: \(sequence).")
            }
            return change
        }
        let before = try await store.read(asOfChange: sequence - 1) { registry throws(RegistryError) in
            try Self.resource(namedBy: change, in: registry)
        }
        let after = try await store.read(asOfChange: sequence) { registry throws(RegistryError) in
            try Self.resource(namedBy: change, in: registry)
        }
        return ChangeDetail(change: change, before: before, after: after)
    }

    /// The resource `change` names as `registry` sees it, or `nil` where it does not exist.
    static func resource(
        namedBy change: Change, in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> ResourceState? {
        guard let type = ResourceType(rawValue: change.resourceType) else { return nil }
        let id = change.resourceID
        switch (type, change.stream) {
        case (.api, .api(let apiID)):
            return try registry.api(apiID).map(ResourceState.api)
        case (.route, .api(let apiID)):
            return try registry.route(RouteID(uncheckedRawValue: id), in: apiID).map(ResourceState.route)
        case (.integration, .api(let apiID)):
            return try registry.integration(IntegrationID(uncheckedRawValue: id), in: apiID).map(
                ResourceState.integration)
        case (.stage, .api(let apiID)):
            guard let stage = try registry.stage(StageName(uncheckedRawValue: id), in: apiID) else { return nil }
            guard let api = try registry.untaggedAPI(apiID) else { return .stage(stage) }
            return .stage(stage.withAWSDefaults(for: api.protocolType))
        case (.deployment, .api(let apiID)):
            return try registry.deployment(DeploymentID(uncheckedRawValue: id), in: apiID).map(
                ResourceState.deployment)
        case (.authorizer, .api(let apiID)):
            return try registry.authorizer(AuthorizerID(uncheckedRawValue: id), in: apiID).map(
                ResourceState.authorizer)
        case (.model, .api(let apiID)):
            return try registry.model(ModelID(uncheckedRawValue: id), in: apiID).map(ResourceState.model)
        case (.routeResponse, .api(let apiID)):
            // A record names a route response by its own id; its route is found among the API's.
            return try registry.routeResponses(ofAPI: apiID).first { $0.id.rawValue == id }.map(
                ResourceState.routeResponse)
        case (.integrationResponse, .api(let apiID)):
            return try registry.integrationResponses(ofAPI: apiID).first { $0.id.rawValue == id }.map(
                ResourceState.integrationResponse)
        case (.vpcLink, .vpcLink(let linkID)):
            return try registry.vpcLink(linkID).map(ResourceState.vpcLink)
        case (.domainName, .domainName(let name)):
            return try registry.domainName(name).map(ResourceState.domainName)
        case (.apiMapping, .domainName(let name)):
            return try registry.apiMapping(APIMappingID(uncheckedRawValue: id), on: name).map(ResourceState.apiMapping)
        default:
            return nil
        }
    }
}
