import Hummingbird
import RegistryAuth
import RegistryDomain
import RegistrySynth

/// The catalog's web pages, read-only HTML from the same use cases as the wire API: `/` (the
/// catalog, searched and filtered), `/apis/{apiId}` (one API), `/apis/{apiId}/revisions[/{n}]`
/// (its history, a revision's change set), `/backends?target=` (the reverse lookup),
/// `/vpclinks/{vpcLinkId}`, `/domainnames/{domainName}`, `/static/site.css` and `/static/favicon.svg`.
///
/// A refusal or a missing item is an HTML page with the error's status, not AWS's JSON: a person
/// is reading. Each handler decodes, calls one use case, builds its view and renders it.
struct PagesEndpoints {
    let service: RegistryService
    let renderer: PageRenderer

    /// APIs on a catalog page.
    static let catalogPageSize = 50
    /// Uses on a backends or VPC link page.
    static let usesPageSize = 100

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/static/site.css") { _, _ in renderer.stylesheet() }
        router.get("/static/favicon.svg") { _, _ in renderer.icon() }
        router.get("/") { request, context in
            let (q, protocolType, tag) = (
                request.formQuery("q") ?? "", request.formQuery("protocolType") ?? "", request.formQuery("tag") ?? ""
            )
            var result: Page<CatalogEntry>?
            var refusal: String?
            do throws(RegistryError) {
                let query = try CatalogEndpoints.query(request)
                result = try await service.catalog(query, try Self.page(request, size: Self.catalogPageSize))
            } catch {
                guard error.code == .badRequest else { throw error }
                refusal = error.message
            }
            let view = CatalogPageView(
                viewer: Self.viewer(context), q: q, protocolType: protocolType, tag: tag, result: result,
                error: refusal,
                paged: request.uri.queryParameters.get("nextToken") != nil)
            return renderer.render("catalog", view, status: refusal == nil ? .ok : .badRequest)
        }
        router.get("/apis/:apiId") { _, context in
            await page(context) { () async throws(RegistryError) -> Response in
                let overview = try await service.overview(of: try context.apiID())
                return renderer.render(
                    "api", APIPageView(overview, region: context.region, viewer: Self.viewer(context)))
            }
        }
        router.get("/apis/:apiId/revisions") { request, context in
            await page(context) { () async throws(RegistryError) -> Response in
                let apiID = try context.apiID()
                let changes = try await service.revisions(of: apiID, try Self.page(request, size: 100))
                let name = try await service.apiName(apiID)
                return renderer.render(
                    "revisions", RevisionsPageView(changes, apiID: apiID, apiName: name, viewer: Self.viewer(context)))
            }
        }
        router.get("/apis/:apiId/revisions/:revision") { _, context in
            await page(context) { () async throws(RegistryError) -> Response in
                let apiID = try context.apiID()
                let revision = try HistoryEndpoints.revision(context.pathParameter("revision"))
                let story = try await service.revisionStory(revision, of: apiID)
                let synthesizer = TemplateSynthesizer()
                let changeSet = ChangeSet(
                    from: try story.before.map { snapshot throws(RegistryError) in try synthesizer.synthesize(snapshot)
                    },
                    to: try story.after.map { snapshot throws(RegistryError) in try synthesizer.synthesize(snapshot) })
                let view = RevisionPageView(
                    change: story.change, apiID: apiID, apiName: story.apiName, diff: changeSet.text,
                    latest: story.latestRevision, exists: story.after != nil, viewer: Self.viewer(context))
                return renderer.render("revision", view)
            }
        }
        router.get("/backends") { request, context in
            let text = request.formQuery("target") ?? ""
            var parsed: BackendTarget?
            var result: Page<BackendUse>?
            var refusal: String?
            if !text.isEmpty {
                do throws(RegistryError) {
                    let target = try BackendTarget(text)
                    parsed = target
                    result = try await service.backendUses(of: target, try Self.page(request, size: Self.usesPageSize))
                } catch {
                    guard error.code == .badRequest else { throw error }
                    refusal = error.message
                }
            }
            let view = BackendsPageView(
                viewer: Self.viewer(context), target: text, parsed: parsed, result: result, error: refusal,
                paged: request.uri.queryParameters.get("nextToken") != nil)
            return renderer.render("backends", view, status: refusal == nil ? .ok : .badRequest)
        }
        router.get("/vpclinks/:vpcLinkId") { request, context in
            await page(context) { () async throws(RegistryError) -> Response in
                let id: VpcLinkID = try context.identifier("vpcLinkId", what: "VPC link")
                let overview = try await service.vpcLinkOverview(id, try Self.page(request, size: Self.usesPageSize))
                return renderer.render(
                    "vpclink",
                    VpcLinkPageView(
                        overview, viewer: Self.viewer(context),
                        paged: request.uri.queryParameters.get("nextToken") != nil))
            }
        }
        router.get("/domainnames/:domainName") { _, context in
            await page(context) { () async throws(RegistryError) -> Response in
                let overview = try await service.domainNameOverview(try context.domainName())
                return renderer.render(
                    "domainname", DomainNamePageView(overview, region: context.region, viewer: Self.viewer(context)))
            }
        }
    }

    /// Runs a page's handler; a registry error becomes an HTML page with its status.
    private func page(
        _ context: RegistryRequestContext, _ handler: () async throws(RegistryError) -> Response
    ) async -> Response {
        do {
            return try await handler()
        } catch {
            return renderer.render(
                "error", ErrorPageView(error, viewer: Self.viewer(context)), status: error.httpStatus)
        }
    }

    /// The page of a list a request asks for, `size` items unless it says `maxResults`.
    /// - Throws: ``RegistryError/Code/badRequest`` for a foreign `nextToken`.
    static func page(_ request: Request, size: Int) throws(RegistryError) -> PageRequest {
        let cursor = try request.uri.queryParameters.get("nextToken").map { token throws(RegistryError) in
            try PageToken.decode(String(token))
        }
        return try PageRequest(maxResults: size, after: cursor)
    }

    /// Who the request is from, for the page's header.
    static func viewer(_ context: RegistryRequestContext) -> PageViewer {
        guard let principal = context.principal else { return .anonymous }
        return PageViewer(principal: principal.name, role: principal.role.rawValue)
    }
}
