extension RegistryService {
    /// Reads an API with all its routes, integrations, stages, authorizers and the VPC links its
    /// integrations use, in one consistent snapshot.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func snapshot(of apiID: APIID) async throws(RegistryError) -> APISnapshot {
        try await read { registry in
            let api = try Self.existingAPI(apiID, in: registry)
            let integrations = try Self.all { page in try registry.integrations(of: apiID, page) }
            var linkIDs: [VpcLinkID] = []
            for id in integrations.compactMap(\.connectionID) where !linkIDs.contains(id) { linkIDs.append(id) }
            return APISnapshot(
                api: api, routes: try Self.all { page in try registry.routes(of: apiID, page) },
                integrations: integrations, stages: try Self.all { page in try registry.stages(of: apiID, page) },
                authorizers: try Self.all { page in try registry.authorizers(of: apiID, page) },
                vpcLinks: try linkIDs.compactMap { id in try registry.vpcLink(id) })
        }
    }

    /// Every item of a paged list, read page by page inside the caller's transaction.
    private static func all<Item>(_ read: (PageRequest) throws -> Page<Item>) throws -> [Item] {
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
