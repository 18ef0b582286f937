extension RegistryService {
    /// Reads an API with all its routes, integrations, stages, authorizers, the VPC links its
    /// integrations use, the API mappings of its stages and (WebSocket APIs) its models, route
    /// responses and integration responses, in one consistent snapshot.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func snapshot(of apiID: APIID) async throws(RegistryError) -> APISnapshot {
        try await store.read { registry throws(RegistryError) in try Self.snapshot(of: apiID, in: registry) }
    }

    /// The API's snapshot as `registry` reads it (now, or as of an old revision).
    /// - Throws: ``RegistryError/Code/notFound`` for an API `registry` does not have.
    public static func snapshot(
        of apiID: APIID, in registry: any RegistryReadTransaction
    ) throws(RegistryError) -> APISnapshot {
        let api = try Self.existingAPI(apiID, in: registry)
        let integrations = try Self.all { page throws(RegistryError) in try registry.integrations(of: apiID, page) }
        var vpcLinks: [VpcLink] = []
        for id in integrations.compactMap(\.connectionID) where !vpcLinks.contains(where: { $0.id == id }) {
            if let link = try registry.vpcLink(id) { vpcLinks.append(link) }
        }
        return APISnapshot(
            api: api, routes: try Self.all { page throws(RegistryError) in try registry.routes(of: apiID, page) },
            integrations: integrations,
            stages: try Self.all { page throws(RegistryError) in try registry.stages(of: apiID, page) },
            authorizers: try Self.all { page throws(RegistryError) in try registry.authorizers(of: apiID, page) },
            vpcLinks: vpcLinks, apiMappings: try registry.apiMappings(of: apiID),
            models: api.protocolType == .websocket
                ? try Self.all { page throws(RegistryError) in try registry.models(of: apiID, page) } : [],
            routeResponses: api.protocolType == .websocket ? try registry.routeResponses(ofAPI: apiID) : [],
            integrationResponses: api.protocolType == .websocket
                ? try registry.integrationResponses(ofAPI: apiID) : [])
    }

    /// Every item of a paged list, read page by page inside the caller's transaction.
    private static func all<Item>(
        _ read: (PageRequest) throws(RegistryError) -> Page<Item>
    ) throws(RegistryError) -> [Item] {
        var items: [Item] = []
        var cursor: PageCursor?
        repeat {
            let page = try read(try PageRequest(maxResults: PageRequest.maximumSize, after: cursor))
            items += page.items
            cursor = page.next
        } while cursor != nil
        return items
    }
}
