import Foundation
import Mustache
import RegistryDomain
import RegistryTestSupport
import Testing

@testable import RegistryApp

/// The pages' views answer every member a template can name through `child(named:)` (their fast
/// path, instead of reflection): a member added to a view but not to its switch would render empty.
@Suite struct PageViewTests {
    static let apiID = Sample.httpAPI.id
    static let change = Change(
        sequence: 7, stream: .api(apiID), revision: 3, createdDate: Sample.epoch, principal: "deployer",
        requestID: "r-1", operation: "CreateRoute", resourceType: "Route", resourceID: "r000001")

    /// Every stored member of `value` and of the views nested in it (arrays included) that holds a
    /// value is what `child(named:)` answers for its name.
    static func expectReachable(_ value: Any, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                expectReachable(element, path: "\(path)[\(index)]", sourceLocation: sourceLocation)
            }
            return
        }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .struct else { return }
        guard let parent = value as? any MustacheParent else {
            Issue.record("\(path) (\(type(of: value))) is a view without child(named:)", sourceLocation: sourceLocation)
            return
        }
        for child in mirror.children {
            guard let label = child.label else { continue }
            let held = Mirror(reflecting: child.value)
            let isNone = held.displayStyle == .optional && held.children.isEmpty
            let answered = parent.child(named: label)
            #expect(isNone || answered != nil, "\(path).\(label)", sourceLocation: sourceLocation)
            // A scalar is the member's own value (not, say, the name asked for).
            let stored: Any? = held.displayStyle == .optional ? held.children.first?.value : child.value
            if let stored, stored is String || stored is Int || stored is Int64 || stored is Bool {
                #expect(
                    answered.map { "\($0)" } == "\(stored)", "\(path).\(label)", sourceLocation: sourceLocation)
            }
            if held.displayStyle == .optional, let wrapped = held.children.first?.value {
                expectReachable(wrapped, path: "\(path).\(label)", sourceLocation: sourceLocation)
            } else {
                expectReachable(child.value, path: "\(path).\(label)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyViewAnswersEveryMember() throws {
        let integration = Integration(
            id: IntegrationID(uncheckedRawValue: "i000001"), apiID: Self.apiID, integrationType: .httpProxy,
            integrationURI: Sample.albListener, integrationMethod: "ANY", connectionType: .vpcLink,
            connectionID: VpcLinkID(uncheckedRawValue: "v000001"), timeoutInMillis: 30_000)
        let authorizer = Authorizer(
            id: AuthorizerID(uncheckedRawValue: "z000001"), apiID: Self.apiID, name: "auth", authorizerType: .request,
            identitySource: ["$request.header.Authorization"], authorizerURI: Sample.invocation)
        let route = Route(
            id: RouteID(uncheckedRawValue: "r000001"), apiID: Self.apiID,
            routeKey: RouteKey(stored: "GET /orders", protocolType: .http), target: integration.id,
            authorizationType: .custom, authorizerID: authorizer.id, authorizationScopes: ["read"],
            operationName: "listOrders")
        let stage = Stage(
            apiID: Self.apiID, name: .defaultStage, description: "live",
            deploymentID: DeploymentID(uncheckedRawValue: "d000001"), autoDeploy: true, createdDate: Sample.epoch,
            lastUpdatedDate: Sample.epoch)
        let mapping = APIMapping(
            id: APIMappingID(uncheckedRawValue: "m000001"),
            domainName: DomainNameID(uncheckedRawValue: "api.example.com"),
            apiID: Self.apiID, stage: .defaultStage, key: "shop")
        var api = Sample.httpAPI
        api.description = "A shop"
        api.tags = ["team": "checkout"]
        let link = VpcLink(
            id: VpcLinkID(uncheckedRawValue: "v000001"), name: "private", subnetIDs: ["subnet-1"],
            securityGroupIDs: ["sg-1"], tags: ["env": "prod"], createdDate: Sample.epoch)
        let snapshot = APISnapshot(
            api: api, routes: [route], integrations: [integration], stages: [stage], authorizers: [authorizer],
            vpcLinks: [link], apiMappings: [mapping])
        let viewer = PageViewer(principal: "viewer", role: "reader")
        let use = BackendUse(api: api, integration: integration, authorizer: nil, routes: [route])
        let byAuthorizer = BackendUse(api: api, integration: nil, authorizer: authorizer, routes: [route])
        let next = PageCursor(lastSequence: 5)

        Self.expectReachable(
            APIPageView(
                APIOverview(snapshot: snapshot, revisions: Page(items: [Self.change], next: next)), region: "us-east-1",
                viewer: viewer),
            path: "api")
        Self.expectReachable(
            CatalogPageView(
                viewer: viewer, q: "orders", protocolType: "HTTP", tag: "team:checkout",
                result: Page(
                    items: [
                        CatalogEntry(
                            api: api, routeCount: 1, lastChange: Self.change,
                            matches: [CatalogMatch(kind: .route, itemID: "r000001", text: "GET /orders")], matchCount: 9
                        )
                    ], next: next), error: "refused", paged: true),
            path: "catalog")
        Self.expectReachable(
            BackendsPageView(
                viewer: viewer, target: Sample.function, parsed: try BackendTarget(Sample.function),
                result: Page(items: [use, byAuthorizer], next: next), error: nil, paged: true),
            path: "backends")
        Self.expectReachable(
            VpcLinkPageView(
                VpcLinkOverview(vpcLink: link, uses: Page(items: [use], next: next)), viewer: viewer, paged: true),
            path: "vpclink")
        let domain = DomainName(
            name: DomainNameID(uncheckedRawValue: "api.example.com"), endpointID: "d-0123456789",
            configuration: DomainNameConfiguration(certificateArn: "arn:aws:acm:us-east-1:1:certificate/x"),
            tags: ["env": "prod"], createdDate: Sample.epoch)
        Self.expectReachable(
            DomainNamePageView(
                DomainNameOverview(
                    domainName: domain, mappings: [DomainNameOverview.MappedAPI(mapping: mapping, apiName: "shop")]),
                region: "us-east-1", viewer: viewer),
            path: "domainname")
        Self.expectReachable(
            RevisionPageView(
                change: Self.change, apiID: Self.apiID, apiName: "shop", diff: "[+] Route", latest: 5, exists: true,
                viewer: viewer),
            path: "revision")
        Self.expectReachable(
            RevisionsPageView(
                Page(items: [Self.change], next: next), apiID: Self.apiID, apiName: "shop", viewer: viewer),
            path: "revisions")
        Self.expectReachable(ErrorPageView(RegistryError.notFound("gone"), viewer: viewer), path: "error")
        Self.expectReachable(SignInPageView(next: "/", open: false, error: "no"), path: "signin")
    }
}
