extension RegistryService {
    /// CreateDomainName: registers a custom domain name (REGIONAL, TLS 1.2, as the V2 API manages
    /// them); its endpoint id (`d-…`) is drawn once here.
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/conflict`` for a name already registered.
    public func createDomainName(_ input: DomainNameInput) async throws(RegistryError) -> DomainName {
        let now = clock()
        let domainName = try Self.newDomainName(input, at: now)
        return try await store.write { registry throws(RegistryError) in
            try Self.checkUnregistered(domainName.name, in: registry)
            try registry.record(
                "CreateDomainName", .domainName, domainName.name.rawValue, in: .domainName(domainName.name), at: now)
            try registry.insert(domainName)
            return domainName
        }
    }

    /// GetDomainName.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown name.
    public func domainName(_ name: DomainNameID) async throws(RegistryError) -> DomainName {
        try await store.read { registry throws(RegistryError) in try Self.existingDomainName(name, registry) }
    }

    /// GetDomainNames.
    public func domainNames(_ page: PageRequest) async throws(RegistryError) -> Page<DomainName> {
        try await store.read { registry throws(RegistryError) in try registry.domainNames(page) }
    }

    /// UpdateDomainName: a new endpoint configuration, mutual TLS (an empty `truststoreUri` turns it
    /// off) or routing mode; the name itself never changes.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown name, ``RegistryError/Code/badRequest``
    ///   for a member that breaks a rule.
    public func updateDomainName(
        _ name: DomainNameID, _ input: DomainNameInput
    ) async throws(RegistryError)
        -> DomainName
    {
        if let other = input.domainName, other.lowercased() != name.rawValue {
            throw .badRequest("A domain name cannot be renamed; create the new name and move its API mappings.")
        }
        guard input.tags == nil else { throw .badRequest("UpdateDomainName takes no tags; use TagResource.") }
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            var domainName = try Self.existingDomainName(name, registry)
            try domainName.apply(input)
            try domainName.checkRules()
            try registry.record(
                "UpdateDomainName", .domainName, domainName.name.rawValue, in: .domainName(domainName.name), at: now)
            try registry.update(domainName)
            return domainName
        }
    }

    /// DeleteDomainName: removes the name with its API mappings (AWS refuses nothing here; the APIs
    /// themselves stay).
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown name.
    public func deleteDomainName(_ name: DomainNameID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingDomainName(name, registry)
            try registry.record("DeleteDomainName", .domainName, name.rawValue, in: .domainName(name), at: now)
            try registry.deleteDomainName(name)
        }
    }

    static func existingDomainName(
        _ name: DomainNameID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> DomainName {
        guard let domainName = try registry.domainName(name) else {
            throw RegistryError.notFound("Invalid domain name identifier specified: \(name).")
        }
        return domainName
    }

    /// The custom domain name `input` describes, checked.
    /// - Throws: ``RegistryError/Code/badRequest`` for a missing or malformed member.
    static func newDomainName(_ input: DomainNameInput, at now: Timestamp) throws(RegistryError) -> DomainName {
        let name = try DomainNameID(validating: try FieldRules.require(input.domainName, member: "domainName"))
        var generator = SystemRandomNumberGenerator()
        var domainName = DomainName(
            name: name, endpointID: "d-" + APIID.random(using: &generator).rawValue,
            configuration: try DomainName.configuration(from: input.domainNameConfigurations),
            mutualTLSAuthentication: input.mutualTlsAuthentication, routingMode: input.routingMode ?? .apiMappingOnly,
            tags: input.tags ?? [:], createdDate: now)
        if domainName.mutualTLSAuthentication?.truststoreUri?.isEmpty == true {
            domainName.mutualTLSAuthentication = nil
        }
        try domainName.checkRules()
        return domainName
    }

    /// Refuses a name the registry already has.
    /// - Throws: ``RegistryError/Code/conflict`` when it has it.
    static func checkUnregistered(_ name: DomainNameID, in registry: any RegistryReadTransaction) throws(RegistryError)
    {
        guard try registry.domainName(name) == nil else {
            throw RegistryError.conflict("The domain name you provided already exists: \(name).")
        }
    }
}
