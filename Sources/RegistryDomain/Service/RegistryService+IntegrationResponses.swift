extension RegistryService {
    /// CreateIntegrationResponse.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or integration,
    ///   ``RegistryError/Code/badRequest`` for a key not in AWS's forms, an HTTP API or a member out of
    ///   bounds, ``RegistryError/Code/conflict`` for a key the integration already has.
    public func createIntegrationResponse(
        of integrationID: IntegrationID, in apiID: APIID, _ input: IntegrationResponseInput
    ) async throws(RegistryError) -> IntegrationResponse {
        // Checked here so a request without it never takes a write slot.
        _ = try FieldRules.require(input.integrationResponseKey, member: "integrationResponseKey")
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            _ = try Self.existingIntegration(integrationID, in: apiID, registry)
            let response = try Self.newIntegrationResponse(input, of: integrationID, in: api, using: registry)
            try registry.record(
                "CreateIntegrationResponse", .integrationResponse, response.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(response)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return response
        }
    }

    /// GetIntegrationResponse.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, integration or integration response.
    public func integrationResponse(
        _ id: IntegrationResponseID, of integrationID: IntegrationID, in apiID: APIID
    ) async throws(RegistryError) -> IntegrationResponse {
        try await store.read { registry throws(RegistryError) in
            try Self.existingIntegrationResponse(id, of: integrationID, in: apiID, registry)
        }
    }

    /// GetIntegrationResponses.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or integration.
    public func integrationResponses(
        of integrationID: IntegrationID, in apiID: APIID, _ page: PageRequest
    ) async throws(RegistryError) -> Page<IntegrationResponse> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingIntegration(integrationID, in: apiID, registry)
            return try registry.integrationResponses(of: integrationID, page)
        }
    }

    /// UpdateIntegrationResponse: changes the members given, then checks every rule on the result.
    /// - Throws: as ``createIntegrationResponse(of:in:_:)``.
    public func updateIntegrationResponse(
        _ id: IntegrationResponseID, of integrationID: IntegrationID, in apiID: APIID, _ input: IntegrationResponseInput
    ) async throws(RegistryError) -> IntegrationResponse {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var response = try Self.existingIntegrationResponse(id, of: integrationID, in: apiID, registry)
            response.apply(input)
            try response.checkRules(in: api, using: registry)
            try registry.record(
                "UpdateIntegrationResponse", .integrationResponse, response.id.rawValue, in: .api(apiID), at: now)
            try registry.update(response)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return response
        }
    }

    /// DeleteIntegrationResponse.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, integration or integration response.
    public func deleteIntegrationResponse(
        _ id: IntegrationResponseID, of integrationID: IntegrationID, in apiID: APIID
    ) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingIntegrationResponse(id, of: integrationID, in: apiID, registry)
            try registry.record(
                "DeleteIntegrationResponse", .integrationResponse, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteIntegrationResponse(id, of: integrationID)
            try Self.deployAutomatically(apiID, in: registry, at: now)
        }
    }

    static func existingIntegrationResponse(
        _ id: IntegrationResponseID, of integrationID: IntegrationID, in apiID: APIID,
        _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> IntegrationResponse {
        _ = try existingIntegration(integrationID, in: apiID, registry)
        guard let response = try registry.integrationResponse(id, of: integrationID) else {
            throw RegistryError.notFound("Invalid integration response identifier specified: \(id).")
        }
        return response
    }

    /// The integration response `input` describes for `integrationID` (an integration of `api`),
    /// checked, with a new id.
    /// - Throws: what ``createIntegrationResponse(of:in:_:)`` throws for its members.
    static func newIntegrationResponse(
        _ input: IntegrationResponseInput, of integrationID: IntegrationID, in api: API,
        using registry: any RegistryReadTransaction
    ) throws(RegistryError) -> IntegrationResponse {
        let key = try FieldRules.require(input.integrationResponseKey, member: "integrationResponseKey")
        var response = IntegrationResponse(
            id: try newID(unusedIn: registry), apiID: api.id, integrationID: integrationID, key: key)
        response.apply(input)
        try response.checkRules(in: api, using: registry)
        return response
    }
}
