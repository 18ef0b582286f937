extension RegistryService {
    /// CreateStage; an auto-deploy stage of an API with routes gets its first deployment at once. The
    /// stage is answered as AWS reports it (``Stage/withAWSDefaults(for:)``).
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or deployment,
    ///   ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/conflict`` for a name the API already has,
    ///   ``RegistryError/Code/tooManyRequests`` past the quota.
    public func createStage(in apiID: APIID, _ input: StageInput) async throws(RegistryError) -> Stage {
        // Checked here so a malformed name never takes a write slot.
        let name = try StageName(validating: try FieldRules.require(input.stageName, member: "stageName"))
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            let stage = try Self.newStage(input, in: api, using: registry, quotas: quotas, at: now)
            try registry.record("CreateStage", .stage, stage.name.rawValue, in: .api(apiID), at: now)
            try registry.insert(stage)
            if stage.autoDeploy { try Self.deployAutomatically(apiID, in: registry, at: now) }
            return (try registry.stage(name, in: apiID) ?? stage).withAWSDefaults(for: api.protocolType)
        }
    }

    /// GetStage: the stage as AWS reports it (``Stage/withAWSDefaults(for:)``).
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or stage.
    public func stage(_ name: StageName, in apiID: APIID) async throws(RegistryError) -> Stage {
        try await store.read { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            guard let stage = try registry.stage(name, in: apiID) else {
                throw RegistryError.notFound("Invalid stage identifier specified: \(name).")
            }
            return stage.withAWSDefaults(for: api.protocolType)
        }
    }

    /// GetStages, each stage as AWS reports it.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func stages(in apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Stage> {
        try await store.read { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var page = try registry.stages(of: apiID, page)
            page.items = page.items.map { $0.withAWSDefaults(for: api.protocolType) }
            return page
        }
    }

    /// UpdateStage: changes the members given; turning `autoDeploy` on deploys at once. The stage is
    /// answered as AWS reports it.
    /// - Throws: as ``createStage(in:_:)``, without the quota and the name conflict.
    public func updateStage(
        _ name: StageName, in apiID: APIID, _ input: StageInput
    ) async throws(RegistryError) -> Stage {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var stage = try Self.existingStage(name, in: apiID, registry)
            if let newName = input.stageName, newName != name.rawValue {
                throw RegistryError.badRequest("A stage cannot be renamed; create a new stage instead.")
            }
            let wasAutoDeploy = stage.autoDeploy
            try stage.apply(input)
            stage.lastUpdatedDate = now
            try stage.checkRules(in: api, using: registry)
            try registry.record("UpdateStage", .stage, stage.name.rawValue, in: .api(apiID), at: now)
            try registry.update(stage)
            if stage.autoDeploy, !wasAutoDeploy { try Self.deployAutomatically(apiID, in: registry, at: now) }
            return (try registry.stage(name, in: apiID) ?? stage).withAWSDefaults(for: api.protocolType)
        }
    }

    /// DeleteStage; a stage that custom domain names map is not deleted.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or stage,
    ///   ``RegistryError/Code/badRequest`` (naming the domain names) while API mappings serve it.
    public func deleteStage(_ name: StageName, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingStage(name, in: apiID, registry)
            let mappings = try registry.apiMappings(of: apiID).filter { $0.stage == name }
            guard mappings.isEmpty else {
                // AWS refuses this for REST APIs with this wording; the V2 message is not published.
                throw RegistryError.badRequest(
                    "Deleting stage \(name) failed. Please remove all API mappings for the stage from your custom "
                        + "domain names (\(Set(mappings.map(\.domainName.rawValue)).sorted().joined(separator: ", ")))."
                )
            }
            try registry.record("DeleteStage", .stage, name.rawValue, in: .api(apiID), at: now)
            try registry.deleteStage(name, in: apiID)
        }
    }

    /// DeleteAccessLogSettings: the stage stops logging access (its `accessLogSettings` are removed).
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or stage.
    public func deleteAccessLogSettings(of name: StageName, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            var stage = try Self.existingStage(name, in: apiID, registry)
            stage.accessLogSettings = nil
            stage.lastUpdatedDate = now
            try registry.record("DeleteAccessLogSettings", .stage, stage.name.rawValue, in: .api(apiID), at: now)
            try registry.update(stage)
        }
    }

    /// DeleteRouteSettings: removes the stage's settings for one route key.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or stage, or a route key the stage
    ///   has no settings for.
    public func deleteRouteSettings(
        forRouteKey routeKey: String, of name: StageName, in apiID: APIID
    ) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            var stage = try Self.existingStage(name, in: apiID, registry)
            guard stage.routeSettings?.removeValue(forKey: routeKey) != nil else {
                throw RegistryError.notFound(
                    "Unable to find route settings for route key '\(routeKey.prefix(300))' in stage \(name).")
            }
            if stage.routeSettings?.isEmpty == true { stage.routeSettings = nil }
            stage.lastUpdatedDate = now
            try registry.record("DeleteRouteSettings", .stage, stage.name.rawValue, in: .api(apiID), at: now)
            try registry.update(stage)
        }
    }

    /// ResetAuthorizersCache: a catalog caches no authorizer results, so this only checks that the
    /// API and the stage exist.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or stage.
    public func resetAuthorizersCache(of name: StageName, in apiID: APIID) async throws(RegistryError) {
        _ = try await stage(name, in: apiID)
    }

    static func existingStage(
        _ name: StageName, in apiID: APIID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError)
        -> Stage
    {
        _ = try existingAPI(apiID, in: registry, includingTags: false)
        guard let stage = try registry.stage(name, in: apiID) else {
            throw RegistryError.notFound("Invalid stage identifier specified: \(name).")
        }
        return stage
    }

    /// The stage `input` describes in `api`, checked.
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/notFound`` for an unknown deployment, ``RegistryError/Code/conflict``
    ///   for a name the API already has, ``RegistryError/Code/tooManyRequests`` past the quota.
    static func newStage(
        _ input: StageInput, in api: API, using registry: any RegistryReadTransaction, quotas: Quotas,
        at now: Timestamp
    ) throws(RegistryError) -> Stage {
        let name = try StageName(validating: try FieldRules.require(input.stageName, member: "stageName"))
        guard try registry.stage(name, in: api.id) == nil else {
            throw RegistryError.conflict("Stage already exists: \(name) in API \(api.id).")
        }
        try Quotas.check(
            registry.stageCount(of: api.id), below: quotas.stagesPerAPI, limitType: "StagesPerApi",
            what: "stages per API")
        var stage = Stage(apiID: api.id, name: name, tags: input.tags ?? [:], createdDate: now, lastUpdatedDate: now)
        try stage.apply(input)
        try stage.checkRules(in: api, using: registry)
        return stage
    }
}
