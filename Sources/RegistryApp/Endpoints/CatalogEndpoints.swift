import Hummingbird
import RegistryDomain

/// `/v2/catalog`: GetCatalog (this service's extension), the catalog page's read for scripts:
/// APIs newest first, searched by words (`q`) and filtered by protocol and tag. `/v2/backends`:
/// GetBackendUses (extension), the reverse lookup: what reaches a backend or a VPC link.
struct CatalogEndpoints {
    let service: RegistryService

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/v2/catalog") { request, _ in
            let query = try Self.query(request)
            let page = try await service.catalog(query, try PageToken.pageRequest(request))
            return WireJSON.response(
                ListBody(page) { CatalogEntryBody($0, searched: query.isSearch) }, status: .ok)
        }
        router.get("/v2/backends") { request, _ in
            let target = try BackendTarget(request.formQuery("target") ?? "")
            let page = try await service.backendUses(of: target, try PageToken.pageRequest(request))
            return WireJSON.response(BackendUsesBody(page, target: target), status: .ok)
        }
    }

    /// The catalog query of a request's `q`, `protocolType` and `tag` (`key:value`) parameters, read
    /// as a form sends them (``Request/formQuery(_:)``).
    /// - Throws: ``RegistryError/Code/badRequest`` for an unknown protocol, a tag without a colon,
    ///   or search text over the limits of ``CatalogQuery``.
    static func query(_ request: Request) throws(RegistryError) -> CatalogQuery {
        var protocolType: ProtocolType?
        if let text = request.formQuery("protocolType"), !text.isEmpty {
            guard let value = ProtocolType(rawValue: text.uppercased()) else {
                throw .badRequest("Invalid protocolType '\(text.prefix(32))': use HTTP or WEBSOCKET.")
            }
            protocolType = value
        }
        var tag: CatalogQuery.Tag?
        if let text = request.formQuery("tag"), !text.isEmpty {
            let (key, value) = try APIFilter.parseTag(text)
            tag = CatalogQuery.Tag(key: key, value: value)
        }
        return try CatalogQuery(text: request.formQuery("q"), protocolType: protocolType, tag: tag)
    }
}
