extension RegistryService {
    /// CreateAuthorizer.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, ``RegistryError/Code/badRequest``
    ///   for a member that breaks a rule, ``RegistryError/Code/tooManyRequests`` past the quota.
    public func createAuthorizer(in apiID: APIID, _ input: AuthorizerInput) async throws(RegistryError) -> Authorizer {
        _ = try FieldRules.require(input.name, member: "name")
        _ = try FieldRules.require(input.authorizerType, member: "authorizerType")
        _ = try FieldRules.require(input.identitySource, member: "identitySource")
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            let authorizer = try Self.newAuthorizer(input, in: api, using: registry, quotas: quotas)
            try registry.record("CreateAuthorizer", .authorizer, authorizer.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(authorizer)
            return authorizer
        }
    }

    /// GetAuthorizer.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or authorizer.
    public func authorizer(_ id: AuthorizerID, in apiID: APIID) async throws(RegistryError) -> Authorizer {
        try await store.read { registry throws(RegistryError) in try Self.existingAuthorizer(id, in: apiID, registry) }
    }

    /// GetAuthorizers.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func authorizers(in apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Authorizer> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingAPI(apiID, in: registry, includingTags: false)
            return try registry.authorizers(of: apiID, page)
        }
    }

    /// UpdateAuthorizer: changes the members given; a type change must still suit the routes using it.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or authorizer,
    ///   ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/conflict`` for a type change while routes use it.
    public func updateAuthorizer(
        _ id: AuthorizerID, in apiID: APIID, _ input: AuthorizerInput
    )
        async throws(RegistryError) -> Authorizer
    {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var authorizer = try Self.existingAuthorizer(id, in: apiID, registry)
            let oldType = authorizer.authorizerType
            authorizer.apply(input)
            try authorizer.checkRules(in: api)
            if authorizer.authorizerType != oldType, try !registry.routes(usingAuthorizer: id, in: apiID).isEmpty {
                throw RegistryError.conflict("Authorizer \(id) is used by routes; its type cannot change.")
            }
            try registry.record("UpdateAuthorizer", .authorizer, id.rawValue, in: .api(apiID), at: now)
            try registry.update(authorizer)
            return authorizer
        }
    }

    /// DeleteAuthorizer.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or authorizer,
    ///   ``RegistryError/Code/conflict`` (naming the routes) while routes use it.
    public func deleteAuthorizer(_ id: AuthorizerID, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingAuthorizer(id, in: apiID, registry)
            let routes = try registry.routes(usingAuthorizer: id, in: apiID)
            guard routes.isEmpty else {
                throw RegistryError.conflict(
                    "Authorizer \(id) is used by routes \(routes.map(\.rawValue).joined(separator: ", ")); "
                        + "change or delete those routes first.")
            }
            try registry.record("DeleteAuthorizer", .authorizer, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteAuthorizer(id, in: apiID)
        }
    }

    static func existingAuthorizer(
        _ id: AuthorizerID, in apiID: APIID, _ registry: any RegistryReadTransaction
    )
        throws(RegistryError) -> Authorizer
    {
        _ = try existingAPI(apiID, in: registry, includingTags: false)
        guard let authorizer = try registry.authorizer(id, in: apiID) else {
            throw RegistryError.notFound("Invalid authorizer identifier specified: \(id).")
        }
        return authorizer
    }

    /// The authorizer `input` describes in `api`, with a new id (checked against the API's quota)
    /// or the id of the one it replaces, checked by every rule (not yet written).
    /// - Throws: what CreateAuthorizer throws for the same input.
    static func newAuthorizer(
        _ input: AuthorizerInput, in api: API, using registry: any RegistryReadTransaction, quotas: Quotas,
        replacing existing: AuthorizerID? = nil
    ) throws(RegistryError) -> Authorizer {
        let name = try FieldRules.require(input.name, member: "name")
        let type = try FieldRules.require(input.authorizerType, member: "authorizerType")
        let identitySource = try FieldRules.require(input.identitySource, member: "identitySource")
        let id = try id(
            replacing: existing, unusedIn: registry,
            count: { () throws(RegistryError) in try registry.authorizerCount(of: api.id) },
            below: quotas.authorizersPerAPI, limitType: "AuthorizersPerApi", what: "authorizers per API")
        var authorizer = Authorizer(
            id: id, apiID: api.id, name: name, authorizerType: type,
            identitySource: identitySource)
        authorizer.apply(input)
        try authorizer.checkRules(in: api)
        return authorizer
    }
}
