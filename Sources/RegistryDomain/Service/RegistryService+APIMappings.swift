extension RegistryService {
    /// CreateApiMapping: serves a stage of an API on a custom domain name under a key.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown domain name or API,
    ///   ``RegistryError/Code/badRequest`` for a missing member, an unknown stage, a malformed key or
    ///   a WebSocket API next to HTTP APIs, ``RegistryError/Code/conflict`` for a key already mapped,
    ///   ``RegistryError/Code/tooManyRequests`` past the multi-level mapping quota.
    public func createAPIMapping(
        on domainName: DomainNameID, _ input: APIMappingInput
    ) async throws(RegistryError) -> APIMapping {
        // Checked here so a malformed request never takes a write slot.
        _ = try Self.mappedAPIID(try FieldRules.require(input.apiId, member: "apiId"))
        _ = try StageName(validating: try FieldRules.require(input.stage, member: "stage"))
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let mapping = try Self.newAPIMapping(input, on: domainName, using: registry, quotas: quotas)
            try registry.record(
                "CreateApiMapping", .apiMapping, mapping.id.rawValue, in: .domainName(domainName), at: now)
            try registry.insert(mapping)
            return mapping
        }
    }

    /// GetApiMapping.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown domain name or mapping.
    public func apiMapping(_ id: APIMappingID, on domainName: DomainNameID) async throws(RegistryError) -> APIMapping {
        try await store.read { registry throws(RegistryError) in try Self.existingAPIMapping(id, domainName, registry) }
    }

    /// GetApiMappings.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown domain name.
    public func apiMappings(
        on domainName: DomainNameID, _ page: PageRequest
    ) async throws(RegistryError) -> Page<APIMapping> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingDomainName(domainName, registry)
            return try registry.apiMappings(on: domainName, page)
        }
    }

    /// UpdateApiMapping: `apiId` is required (as in AWS's model); `stage` and `apiMappingKey` change
    /// when given; every rule is checked again on the result.
    /// - Throws: as ``createAPIMapping(on:_:)``, and ``RegistryError/Code/notFound`` for an unknown mapping.
    public func updateAPIMapping(
        _ id: APIMappingID, on domainName: DomainNameID, _ input: APIMappingInput
    ) async throws(RegistryError) -> APIMapping {
        let apiID = try Self.mappedAPIID(try FieldRules.require(input.apiId, member: "apiId"))
        let stage = try input.stage.map { text throws(RegistryError) in try StageName(validating: text) }
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            var mapping = try Self.existingAPIMapping(id, domainName, registry)
            mapping.apiID = apiID
            if let stage { mapping.stage = stage }
            if let key = input.apiMappingKey { mapping.key = key }
            try mapping.checkRules(using: registry, quotas: quotas)
            try registry.record("UpdateApiMapping", .apiMapping, id.rawValue, in: .domainName(domainName), at: now)
            try registry.update(mapping)
            return mapping
        }
    }

    /// DeleteApiMapping.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown domain name or mapping.
    public func deleteAPIMapping(_ id: APIMappingID, on domainName: DomainNameID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingAPIMapping(id, domainName, registry)
            try registry.record("DeleteApiMapping", .apiMapping, id.rawValue, in: .domainName(domainName), at: now)
            try registry.deleteAPIMapping(id, on: domainName)
        }
    }

    private static func mappedAPIID(_ text: String) throws(RegistryError) -> APIID {
        guard let id = APIID(validating: text) else {
            throw .notFound("Invalid API identifier specified: '\(text.prefix(64))'.")
        }
        return id
    }

    static func existingAPIMapping(
        _ id: APIMappingID, _ domainName: DomainNameID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> APIMapping {
        _ = try existingDomainName(domainName, registry)
        guard let mapping = try registry.apiMapping(id, on: domainName) else {
            throw RegistryError.notFound("Invalid API mapping identifier specified: \(id).")
        }
        return mapping
    }

    /// The API mapping `input` describes on `domainName`, checked, with a new id.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown domain name, API or stage,
    ///   ``RegistryError/Code/badRequest`` for a malformed member, ``RegistryError/Code/conflict``
    ///   for a key the domain name maps already; what ``APIMapping/checkRules(using:quotas:)`` throws.
    static func newAPIMapping(
        _ input: APIMappingInput, on domainName: DomainNameID, using registry: any RegistryReadTransaction,
        quotas: Quotas
    ) throws(RegistryError) -> APIMapping {
        let apiID = try mappedAPIID(try FieldRules.require(input.apiId, member: "apiId"))
        let stage = try StageName(validating: try FieldRules.require(input.stage, member: "stage"))
        _ = try existingDomainName(domainName, registry)
        let mapping = APIMapping(
            id: try newID(unusedIn: registry), domainName: domainName, apiID: apiID, stage: stage,
            key: input.apiMappingKey ?? "")
        try mapping.checkRules(using: registry, quotas: quotas)
        return mapping
    }
}
