extension RegistryService {
    /// ImportApi: creates the HTTP API a definition describes — the API with its tags and CORS, its
    /// authorizers, integrations and routes — in one write, recorded as one change (`ImportApi`,
    /// revision 1 of the new API). Every rule of the operations that would build it one call at a
    /// time applies, with the same error codes; a refused import changes nothing.
    /// - Throws: ``RegistryError/Code/badRequest`` when `failOnWarnings` is set and the plan has
    ///   warnings ("Warnings found during import: …"); otherwise what CreateApi, CreateAuthorizer,
    ///   CreateIntegration and CreateRoute throw for the same content, the message prefixed with the
    ///   place in the definition (a JSON pointer).
    public func importAPI(_ plan: APIImportPlan, failOnWarnings: Bool) async throws(RegistryError) -> APIImportResult {
        try Self.checkWarnings(plan.warnings, failOnWarnings: failOnWarnings)
        var input = plan.api
        input.protocolType = .http
        let now = clock()
        let provisional = try Self.located("/info") { () throws(RegistryError) in try Self.newAPI(input, at: now) }
        let quotas = self.quotas
        return try await store.write { registry throws(RegistryError) in
            var api = provisional
            api.id = try Self.newID(unusedIn: registry)
            try registry.record("ImportApi", .api, api.id.rawValue, in: .api(api.id), at: now)
            try registry.insert(api)
            // A new API has nothing to keep: every part of the plan is inserted.
            try Self.replaceParts(of: APISnapshot(api: api), with: plan, api: api, registry, quotas: quotas)
            return APIImportResult(api: api, warnings: plan.warnings)
        }
    }

    /// ReimportApi: replaces the HTTP API's routes, integrations, authorizers, CORS, name,
    /// description and version with a definition's, in one write recorded as one change
    /// (`ReimportApi`). What survives keeps its id, so the template's logical IDs (and the deployed
    /// resources) stay: a route with the same route key, an authorizer with the same name (the
    /// security scheme's), an integration of the same type, URI, method and VPC link (in the order
    /// both list them). What the definition no longer has is deleted; tags, stages and deployments
    /// are kept, and stages that deploy automatically deploy.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, ``RegistryError/Code/badRequest``
    ///   for a WebSocket API, and what ImportApi throws for the definition.
    public func reimportAPI(
        _ apiID: APIID, _ plan: APIImportPlan, failOnWarnings: Bool
    ) async throws(RegistryError) -> APIImportResult {
        try Self.checkWarnings(plan.warnings, failOnWarnings: failOnWarnings)
        let now = clock()
        let quotas = self.quotas
        return try await store.write { registry throws(RegistryError) in
            let current = try Self.snapshot(of: apiID, in: registry)
            guard current.api.protocolType == .http else {
                throw RegistryError.badRequest("ReimportApi is supported only for HTTP APIs.")
            }
            try registry.record("ReimportApi", .api, apiID.rawValue, in: .api(apiID), at: now)
            var api = current.api
            api.name = try Self.located("/info/title") { () throws(RegistryError) in
                try FieldRules.require(plan.api.name, member: "name")
            }
            api.description = plan.api.description
            api.version = plan.api.version
            api.corsConfiguration = plan.api.corsConfiguration
            try Self.located("/info") { () throws(RegistryError) in try api.checkRules() }
            try registry.update(api)
            try Self.replaceParts(of: current, with: plan, api: api, registry, quotas: quotas)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return APIImportResult(api: api, warnings: plan.warnings)
        }
    }

    /// AWS's `failOnWarnings`: a plan with warnings is refused when it is set.
    /// - Throws: ``RegistryError/Code/badRequest`` "Warnings found during import: …".
    static func checkWarnings(_ warnings: [String], failOnWarnings: Bool) throws(RegistryError) {
        guard failOnWarnings, !warnings.isEmpty else { return }
        throw .badRequest("Warnings found during import:\n\t" + warnings.joined(separator: "\n\t"))
    }

    /// Replaces `current`'s authorizers, integrations and routes by the plan's, keeping the ids of
    /// those that match (see ``reimportAPI(_:_:failOnWarnings:)``); for a new API, whose snapshot
    /// holds nothing, every part is inserted. Each part is checked by the rules of its create
    /// operation, integrations connect through the ids their VPC links got (`vpcLinkIDs`, by key)
    /// and routes point at the ids their integration and authorizer got.
    /// - Returns: the ids the integrations and routes got, by their keys.
    /// - Throws: what the create operations of the parts throw, located in the definition.
    @discardableResult
    static func replaceParts(
        of current: APISnapshot, with plan: APIImportPlan, api: API, _ registry: any RegistryWriteTransaction,
        quotas: Quotas, vpcLinkIDs: [String: VpcLinkID] = [:]
    ) throws(RegistryError) -> (integrations: [String: IntegrationID], routes: [String: RouteID]) {
        // Routes the definition no longer has go first: their keys, quota and references free up.
        let keys = Set(plan.routes.compactMap(\.input.routeKey))
        for route in current.routes where !keys.contains(route.routeKey.rawValue) {
            try registry.deleteRoute(route.id, in: api.id)
        }
        var authorizerIDs: [String: AuthorizerID] = [:]
        let authorizersByName = Dictionary(current.authorizers.map { ($0.name, $0.id) }) { first, _ in first }
        for imported in plan.authorizers {
            let existing = authorizersByName[imported.input.name ?? ""]
            let authorizer = try located(imported.pointer) { () throws(RegistryError) in
                try newAuthorizer(imported.input, in: api, using: registry, quotas: quotas, replacing: existing)
            }
            if existing == nil { try registry.insert(authorizer) } else { try registry.update(authorizer) }
            authorizerIDs[authorizer.name] = authorizer.id
        }
        var unmatched = current.integrations
        var integrationIDs: [String: IntegrationID] = [:]
        for var imported in plan.integrations {
            if let key = imported.vpcLinkKey {
                guard let id = vpcLinkIDs[key] else {
                    throw RegistryError(
                        .internalFailure, "An imported integration names VPC link key \(key), never made.")
                }
                imported.input.connectionId = id.rawValue
            }
            let index = unmatched.firstIndex { existing in
                // A Lambda integration's method is AWS's default when the definition names none.
                existing.integrationType == imported.input.integrationType
                    && existing.integrationURI == imported.input.integrationUri
                    && (imported.input.integrationMethod == nil
                        || existing.integrationMethod == imported.input.integrationMethod)
                    && existing.connectionID?.rawValue == imported.input.connectionId
            }
            let existing = index.map { unmatched.remove(at: $0).id }
            let integration = try located(imported.pointer) { () throws(RegistryError) in
                try newIntegration(imported.input, in: api, using: registry, quotas: quotas, replacing: existing)
            }
            if existing == nil { try registry.insert(integration) } else { try registry.update(integration) }
            integrationIDs[imported.key] = integration.id
        }
        var routesByKey = Dictionary(current.routes.map { ($0.routeKey.rawValue, $0.id) }) { first, _ in first }
        var routeIDs: [String: RouteID] = [:]
        for imported in plan.routes {
            let input = try wired(imported, integrationIDs, authorizerIDs)
            // Each route is replaced once: a second operation with its key is a new route, refused as a conflict.
            let existing = input.routeKey.flatMap { routesByKey.removeValue(forKey: $0) }
            let route = try located(imported.pointer) { () throws(RegistryError) in
                try newRoute(input, in: api, using: registry, quotas: quotas, replacing: existing)
            }
            if existing == nil { try registry.insert(route) } else { try registry.update(route) }
            routeIDs[imported.key] = route.id
        }
        // Integrations and authorizers nothing matched are no longer referenced by any route.
        for integration in unmatched { try registry.deleteIntegration(integration.id, in: api.id) }
        let kept = Set(authorizerIDs.values)
        for authorizer in current.authorizers where !kept.contains(authorizer.id) {
            try registry.deleteAuthorizer(authorizer.id, in: api.id)
        }
        return (integrationIDs, routeIDs)
    }

    /// The route's input with its target and authorizer id set from the ids its integration and
    /// authorizer got.
    private static func wired(
        _ imported: ImportedRoute, _ integrationIDs: [String: IntegrationID], _ authorizerIDs: [String: AuthorizerID]
    ) throws(RegistryError) -> RouteInput {
        var input = imported.input
        if let key = imported.integrationKey {
            guard let id = integrationIDs[key] else {
                throw RegistryError(.internalFailure, "An imported route names integration key \(key), never made.")
            }
            input.target = "integrations/" + id.rawValue
        }
        if let name = imported.authorizerName {
            guard let id = authorizerIDs[name] else {
                throw RegistryError(.internalFailure, "An imported route names authorizer \(name), never made.")
            }
            input.authorizerId = id.rawValue
        }
        return input
    }

    /// Runs `body`, prefixing the message of what it throws with `pointer`, the place in the
    /// definition the refused content came from.
    static func located<Value>(
        _ pointer: String, _ body: () throws(RegistryError) -> Value
    ) throws(RegistryError) -> Value {
        do {
            return try body()
        } catch {
            guard error.code != .internalFailure else { throw error }
            throw RegistryError(
                error.code, "Errors found during import: \(pointer): \(error.message)", limitType: error.limitType)
        }
    }
}
