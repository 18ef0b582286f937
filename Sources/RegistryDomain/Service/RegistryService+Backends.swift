extension RegistryService {
    /// The reverse lookup (the backends page's and GetBackendUses' read): every integration that
    /// reaches `target`, with the routes targeting it, and for a Lambda function every Lambda
    /// authorizer calling it, with the routes it authorizes; newest API first, read in one
    /// snapshot. Candidates come from the search index (every integration reaching the target
    /// holds its text word for word) and each is checked exactly (``BackendTarget/isReached(by:)-(Integration)``).
    /// A page may hold fewer uses than asked and still go on (see
    /// ``RegistryReadTransaction/catalogDocuments(matching:kinds:_:)``).
    /// - Throws: only the storage's failures; a target nothing reaches is an empty page.
    public func backendUses(
        of target: BackendTarget, _ page: PageRequest
    ) async throws(RegistryError) -> Page<BackendUse> {
        try await store.read { registry throws(RegistryError) in try Self.uses(of: target, page, in: registry) }
    }

    /// The VPC link's page: the link and a page of the private integrations through it.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown VPC link.
    public func vpcLinkOverview(_ id: VpcLinkID, _ page: PageRequest) async throws(RegistryError) -> VpcLinkOverview {
        let target = try BackendTarget(id.rawValue)
        return try await store.read { registry throws(RegistryError) in
            VpcLinkOverview(
                vpcLink: try Self.existingVpcLink(id, registry), uses: try Self.uses(of: target, page, in: registry))
        }
    }

    /// The uses of `target` as `registry` reads them (see ``backendUses(of:_:)``).
    private static func uses(
        of target: BackendTarget, _ page: PageRequest, in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Page<BackendUse> {
        var kinds: Set<CatalogMatch.Kind> = [.integration]
        if case .lambdaFunction = target.kind { kinds.insert(.authorizer) }
        let documents = try registry.catalogDocuments(matching: [target.searchText], kinds: kinds, page)
        var apis: [APIID: API] = [:]
        var uses: [BackendUse] = []
        for document in documents.items {
            var routeIDs: [RouteID] = []
            var integration: Integration?
            var authorizer: Authorizer?
            if document.kind == .integration {
                integration = try registry.integration(
                    IntegrationID(uncheckedRawValue: document.itemID), in: document.apiID)
                guard let found = integration, target.isReached(by: found) else { continue }
                routeIDs = try registry.routes(targeting: found.id, in: document.apiID)
            } else {
                authorizer = try registry.authorizer(
                    AuthorizerID(uncheckedRawValue: document.itemID), in: document.apiID)
                guard let found = authorizer, target.isReached(by: found) else { continue }
                routeIDs = try registry.routes(usingAuthorizer: found.id, in: document.apiID)
            }
            // The API is read once it is known to reach the target, once per API.
            let api: API
            if let cached = apis[document.apiID] {
                api = cached
            } else {
                guard let read = try registry.untaggedAPI(document.apiID) else { continue }
                api = read
                apis[document.apiID] = read
            }
            var routes: [Route] = []
            for id in routeIDs {
                if let route = try registry.route(id, in: api.id) { routes.append(route) }
            }
            uses.append(BackendUse(api: api, integration: integration, authorizer: authorizer, routes: routes))
        }
        return Page(items: uses, next: documents.next)
    }
}
