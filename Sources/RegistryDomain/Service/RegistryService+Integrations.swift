extension RegistryService {
    /// CreateIntegration.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or VPC link,
    ///   ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/tooManyRequests`` past the quota.
    public func createIntegration(
        in apiID: APIID, _ input: IntegrationInput
    ) async throws(RegistryError)
        -> Integration
    {
        _ = try FieldRules.require(input.integrationType, member: "integrationType")
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            let integration = try Self.newIntegration(input, in: api, using: registry, quotas: quotas)
            try registry.record("CreateIntegration", .integration, integration.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(integration)
            return integration
        }
    }

    /// GetIntegration.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or integration.
    public func integration(_ id: IntegrationID, in apiID: APIID) async throws(RegistryError) -> Integration {
        try await store.read { registry throws(RegistryError) in try Self.existingIntegration(id, in: apiID, registry) }
    }

    /// GetIntegrations.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func integrations(in apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Integration> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingAPI(apiID, in: registry, includingTags: false)
            return try registry.integrations(of: apiID, page)
        }
    }

    /// UpdateIntegration: changes the members given, merging parameter mappings as AWS does (a
    /// request parameter given as `""` is removed, a status code given `{}` loses its response
    /// parameters), then checks every rule on the result.
    /// - Throws: as ``createIntegration(in:_:)``, without the quota.
    public func updateIntegration(
        _ id: IntegrationID, in apiID: APIID, _ input: IntegrationInput
    )
        async throws(RegistryError) -> Integration
    {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var integration = try Self.existingIntegration(id, in: apiID, registry)
            try integration.apply(input, merging: true)
            integration.applyDefaults(for: api.protocolType)
            try integration.checkRules(in: api, using: registry)
            try registry.record("UpdateIntegration", .integration, integration.id.rawValue, in: .api(apiID), at: now)
            try registry.update(integration)
            if try !registry.routes(targeting: id, in: apiID).isEmpty {
                try Self.deployAutomatically(apiID, in: registry, at: now)
            }
            return integration
        }
    }

    /// DeleteIntegration.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or integration,
    ///   ``RegistryError/Code/conflict`` (naming the routes) while routes target it.
    public func deleteIntegration(_ id: IntegrationID, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingIntegration(id, in: apiID, registry)
            let routes = try registry.routes(targeting: id, in: apiID)
            guard routes.isEmpty else {
                throw RegistryError.conflict(
                    "Integration \(id) is the target of routes \(routes.map(\.rawValue).joined(separator: ", ")); "
                        + "change or delete those routes first.")
            }
            try registry.record("DeleteIntegration", .integration, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteIntegration(id, in: apiID)
        }
    }

    static func existingIntegration(
        _ id: IntegrationID, in apiID: APIID, _ registry: any RegistryReadTransaction
    )
        throws(RegistryError) -> Integration
    {
        _ = try existingAPI(apiID, in: registry, includingTags: false)
        guard let integration = try registry.integration(id, in: apiID) else {
            throw RegistryError.notFound("Invalid integration identifier specified: \(id).")
        }
        return integration
    }

    /// The integration `input` describes in `api`, with a new id (checked against the API's quota)
    /// or the id of the one it replaces, checked by every rule (not yet written).
    /// - Throws: what CreateIntegration throws for the same input.
    static func newIntegration(
        _ input: IntegrationInput, in api: API, using registry: any RegistryReadTransaction, quotas: Quotas,
        replacing existing: IntegrationID? = nil
    ) throws(RegistryError) -> Integration {
        let type = try FieldRules.require(input.integrationType, member: "integrationType")
        let id = try id(
            replacing: existing, unusedIn: registry,
            count: { () throws(RegistryError) in try registry.integrationCount(of: api.id) },
            below: quotas.integrationsPerAPI, limitType: "IntegrationsPerApi", what: "integrations per API")
        var integration = Integration(
            id: id, apiID: api.id, integrationType: type,
            timeoutInMillis: Integration.defaultTimeout(for: api.protocolType))
        try integration.apply(input)
        integration.applyDefaults(for: api.protocolType)
        try integration.checkRules(in: api, using: registry)
        return integration
    }
}
