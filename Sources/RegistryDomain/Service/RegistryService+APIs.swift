extension RegistryService {
    /// CreateApi: registers an API; with `target`, also its integration, route and `$default` stage
    /// (quick create).
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule.
    public func createAPI(_ input: APIInput) async throws(RegistryError) -> API {
        let now = clock()
        let api = try Self.newAPI(input, at: now)
        // Checked here so a refused quick create never takes a write slot; built again below with
        // the ids drawn inside the transaction.
        _ = try Self.quickCreateParts(for: api, input: input, now: now)
        return try await store.write { registry throws(RegistryError) in
            var api = api
            api.id = try Self.newID(unusedIn: registry)
            try registry.record("CreateApi", .api, api.id.rawValue, in: .api(api.id), at: now)
            try registry.insert(api)
            try Self.insertQuickCreateParts(of: api, input, in: registry, at: now)
            return api
        }
    }

    /// Inserts what quick create makes for `input`'s `target` in the new `api` (nothing without a
    /// target), with ids drawn in the write, and deploys its `$default` stage.
    /// - Throws: what ``quickCreateParts(for:input:now:)`` and the integration's rules throw.
    static func insertQuickCreateParts(
        of api: API, _ input: APIInput, in registry: any RegistryWriteTransaction, at now: Timestamp
    ) throws(RegistryError) {
        guard
            let (provisionalIntegration, provisionalRoute, stage) = try quickCreateParts(
                for: api, input: input, now: now)
        else { return }
        var (integration, route) = (provisionalIntegration, provisionalRoute)
        integration.id = try newID(unusedIn: registry)
        route.id = try newID(unusedIn: registry)
        route.target = integration.id
        try integration.checkRules(in: api, using: registry)
        try registry.insert(integration)
        try registry.insert(route)
        try registry.insert(stage)
        try deployAutomatically(api.id, in: registry, at: now)
    }

    /// The API `input` describes, checked, under a provisional id (the write draws the real one).
    /// - Throws: ``RegistryError/Code/badRequest`` for a missing or malformed member.
    static func newAPI(_ input: APIInput, at now: Timestamp) throws(RegistryError) -> API {
        let protocolType = try FieldRules.require(input.protocolType, member: "protocolType")
        let selection: String
        switch protocolType {
        case .http: selection = input.routeSelectionExpression ?? API.httpRouteSelectionExpression
        case .websocket:
            selection = try FieldRules.require(input.routeSelectionExpression, member: "routeSelectionExpression")
        }
        let api = API(
            id: APIID(uncheckedRawValue: "provisional"), name: try FieldRules.require(input.name, member: "name"),
            protocolType: protocolType,
            description: input.description, routeSelectionExpression: selection,
            apiKeySelectionExpression: input.apiKeySelectionExpression ?? API.defaultAPIKeySelectionExpression,
            corsConfiguration: input.corsConfiguration,
            disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
            disableSchemaValidation: input.disableSchemaValidation, version: input.version,
            ipAddressType: input.ipAddressType ?? .ipv4, tags: input.tags ?? [:], createdDate: now)
        try api.checkRules()
        return api
    }

    /// The integration, route and `$default` stage quick create makes for `input`'s `target`, under
    /// provisional ids; `nil` without a target.
    /// - Throws: ``RegistryError/Code/badRequest`` for quick-create members without a target, on a
    ///   WebSocket API, or a target that is neither a Lambda function nor a URL.
    static func quickCreateParts(
        for api: API, input: APIInput, now: Timestamp
    ) throws(RegistryError)
        -> (Integration, Route, Stage)?
    {
        guard let target = input.target else {
            guard input.routeKey == nil, input.credentialsArn == nil else {
                throw .badRequest("routeKey and credentialsArn are supported only together with target (quick create).")
            }
            return nil
        }
        guard api.protocolType == .http else { throw .badRequest("Quick create is supported only for HTTP APIs.") }
        var integration = Integration(
            id: IntegrationID(uncheckedRawValue: "provisional"), apiID: api.id, integrationType: .awsProxy,
            timeoutInMillis: Integration.defaultTimeout(for: .http), credentialsArn: input.credentialsArn,
            apiGatewayManaged: true)
        try integration.pointQuickCreate(at: target)
        let route = Route(
            id: RouteID(uncheckedRawValue: "provisional"), apiID: api.id,
            routeKey: try RouteKey(parsing: input.routeKey ?? "$default", protocolType: .http),
            target: integration.id, apiGatewayManaged: true)
        let stage = Stage(
            apiID: api.id, name: .defaultStage, autoDeploy: true, apiGatewayManaged: true, createdDate: now,
            lastUpdatedDate: now)
        return (integration, route, stage)
    }

    /// GetApi.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id.
    public func api(_ id: APIID) async throws(RegistryError) -> API {
        try await store.read { registry throws(RegistryError) in try Self.existingAPI(id, in: registry) }
    }

    /// GetApis, with this service's catalog filters.
    public func apis(_ page: PageRequest, filter: APIFilter = APIFilter()) async throws(RegistryError) -> Page<API> {
        try await store.read { registry throws(RegistryError) in try registry.apis(page, filter: filter) }
    }

    /// UpdateApi: changes the members given. The quick-create members update what quick create
    /// made, as AWS's UpdateApi does: `target` the integration's URI (and type), `routeKey` the
    /// route's key, `credentialsArn` the integration's role; stages that deploy automatically deploy.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id, ``RegistryError/Code/badRequest``
    ///   for a member that breaks a rule or quick-create members on an API quick create did not make,
    ///   ``RegistryError/Code/conflict`` for a `routeKey` another route has.
    public func updateAPI(_ id: APIID, _ input: APIInput) async throws(RegistryError) -> API {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            var api = try Self.existingAPI(id, in: registry)
            try registry.record("UpdateApi", .api, id.rawValue, in: .api(id), at: now)
            try api.apply(input)
            try api.checkRules()
            try registry.update(api)
            if input.target != nil || input.routeKey != nil || input.credentialsArn != nil {
                try Self.updateQuickCreate(of: api, input, in: registry)
                try Self.deployAutomatically(id, in: registry, at: now)
            }
            return api
        }
    }

    /// The quick-create part of UpdateApi, inside its transaction.
    private static func updateQuickCreate(
        of api: API, _ input: APIInput, in registry: any RegistryWriteTransaction
    ) throws(RegistryError) {
        guard api.protocolType == .http else {
            throw .badRequest("target, routeKey and credentialsArn (quick create) are supported only for HTTP APIs.")
        }
        guard var route = try managedRoute(of: api.id, in: registry), let target = route.target,
            var integration = try registry.integration(target, in: api.id), integration.apiGatewayManaged
        else {
            throw .badRequest(
                "API \(api.id) was not made by quick create: target, routeKey and credentialsArn update the route "
                    + "and integration that quick create makes.")
        }
        if let key = input.routeKey {
            route.routeKey = try RouteKey(parsing: key, protocolType: api.protocolType)
            try route.checkRules(in: api, using: registry)
            try registry.update(route)
        }
        if input.target != nil || input.credentialsArn != nil {
            if let target = input.target { try integration.pointQuickCreate(at: target) }
            if let arn = input.credentialsArn { integration.credentialsArn = arn }
            try integration.checkRules(in: api, using: registry)
            try registry.update(integration)
        }
    }

    /// The route quick create made in this API, if any.
    private static func managedRoute(
        of apiID: APIID, in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Route? {
        var cursor: PageCursor?
        repeat {
            let page = try registry.routes(of: apiID, PageRequest(maxResults: PageRequest.maximumSize, after: cursor))
            if let route = page.items.first(where: \.apiGatewayManaged) { return route }
            cursor = page.next
        } while cursor != nil
        return nil
    }

    /// DeleteCorsConfiguration: the API answers no CORS preflight any more.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id.
    public func deleteCorsConfiguration(of id: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            var api = try Self.existingAPI(id, in: registry)
            try registry.record("DeleteCorsConfiguration", .api, id.rawValue, in: .api(id), at: now)
            guard api.corsConfiguration != nil else { return }
            api.corsConfiguration = nil
            try registry.update(api)
        }
    }

    /// DeleteApi: removes the API with its routes, integrations, stages, deployments and authorizers.
    /// As in AWS, an API that custom domain names still map is not deleted.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id, ``RegistryError/Code/badRequest``
    ///   (naming the domain names) while API mappings serve it.
    public func deleteAPI(_ id: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingAPI(id, in: registry, includingTags: false)
            let mappings = try registry.apiMappings(of: id)
            guard mappings.isEmpty else {
                // AWS's wording; the domain names are named so the caller knows where to look.
                throw RegistryError.badRequest(
                    "Deleting API \(id) failed. Please remove all API mappings for the API from your custom domain "
                        + "names (\(Set(mappings.map(\.domainName.rawValue)).sorted().joined(separator: ", "))).")
            }
            try registry.record("DeleteApi", .api, id.rawValue, in: .api(id), at: now)
            try registry.deleteAPI(id)
        }
    }
}
