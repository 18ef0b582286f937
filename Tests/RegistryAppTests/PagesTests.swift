import Foundation
import HTTPTypes
import RegistryDomain
import RegistryTestSupport
import Testing

@testable import RegistryApp

/// The catalog's web pages: each renders what the wire API holds, escapes what users typed, carries
/// the security headers, and answers a missing item with an HTML page of the error's status.
@Suite struct PagesTests {
    static let hostileNames = [
        "<script>alert('pwned')</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
        "javascript:alert(1)", "{{chrome.title}}",
    ]

    /// Creates an API named `name` with one Lambda integration and a route to it; returns the ids.
    static func apiWithRoute(
        _ registry: TestRegistry, name: String, routeKey: String = "GET /books/{id}", function: String = "books"
    ) async throws -> (api: String, integration: String, route: String) {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "protocolType": "HTTP"])
        let api = try await registry.call(.post, "/v2/apis", String(decoding: body, as: UTF8.self)).string("apiId")
        let integration = try await registry.createLambdaIntegration(in: api, function: function)
        let routeBody = try JSONSerialization.data(
            withJSONObject: ["routeKey": routeKey, "target": "integrations/\(integration)"])
        let route = try await registry.call(.post, "/v2/apis/\(api)/routes", String(decoding: routeBody, as: UTF8.self))
        #expect(route.status == .created, "\(route.body)")
        return (api, integration, route.string("routeId"))
    }

    static func expectPageHeaders(_ reply: TestRegistry.Reply, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(reply.headers[.contentType] == "text/html; charset=utf-8", sourceLocation: sourceLocation)
        #expect(
            reply.headers[HTTPField.Name("Content-Security-Policy")!] == PageRenderer.contentSecurityPolicy,
            sourceLocation: sourceLocation)
        #expect(reply.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", sourceLocation: sourceLocation)
    }

    @Test func catalogListsSearchesAndFilters() async throws {
        try await TestRegistry.run { registry in
            let (api, _, route) = try await Self.apiWithRoute(registry, name: "library")
            _ = try await registry.createHTTPAPI(name: "unrelated")
            let page = try await registry.call(.get, "/")
            #expect(page.status == .ok)
            Self.expectPageHeaders(page)
            #expect(page.body.contains("href=\"/apis/\(api)\""))
            #expect(page.body.contains("unrelated"))
            #expect(page.body.contains("CreateRoute"))

            let searched = try await registry.call(.get, "/?q=%2Fbooks%2F%7Bid%7D")
            #expect(searched.body.contains("href=\"/apis/\(api)#route-\(route)\""))
            #expect(!searched.body.contains("unrelated"))
            #expect(searched.body.contains("value=\"/books/{id}\""), "the form keeps what was typed")

            let websocket = try await registry.call(.get, "/?protocolType=WEBSOCKET")
            #expect(websocket.body.contains("No API on this page matches."))
            let refused = try await registry.call(.get, "/?q=" + String(repeating: "x", count: 300))
            #expect(refused.status == .badRequest)
            Self.expectPageHeaders(refused)
            #expect(refused.body.contains("at most 256 characters"))
        }
    }

    @Test func catalogPagesGoOnByLink() async throws {
        try await TestRegistry.run { registry in
            var created: [String] = []
            for number in 0..<53 { created.append(try await registry.createHTTPAPI(name: "api-\(number)")) }
            let first = try await registry.call(.get, "/")
            #expect(first.body.contains("/apis/\(created[52])") && !first.body.contains("/apis/\(created[2])\""))
            let next = try #require(first.body.firstMatch(of: /href="(\/\?nextToken=[^"]+)" rel="next"/)?.1)
            let second = try await registry.call(.get, String(next))
            #expect(second.body.contains("/apis/\(created[0])\"") && !second.body.contains("/apis/\(created[52])\""))
            #expect(second.body.contains("← Newest"))
        }
    }

    @Test(arguments: hostileNames)
    func namesAreEscapedEverywhere(name: String) async throws {
        try await TestRegistry.run { registry in
            let (api, _, _) = try await Self.apiWithRoute(registry, name: name)
            let described = try JSONSerialization.data(withJSONObject: ["description": name])
            _ = try await registry.call(.patch, "/v2/apis/\(api)", String(decoding: described, as: UTF8.self))
            let tagged = try JSONSerialization.data(withJSONObject: ["tags": [name: name]])
            let arn = "arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fapis%2F\(api)"
            _ = try await registry.call(.post, "/v2/tags/\(arn)", String(decoding: tagged, as: UTF8.self))
            for path in [
                "/", "/?q=" + HTMLText.percentEncoded(name), "/apis/\(api)", "/apis/\(api)/revisions/1",
                "/apis/\(api)/revisions", "/backends?target=arn:aws:lambda:us-east-1:123456789012:function:books",
            ] {
                let page = try await registry.call(.get, path)
                #expect(page.status == .ok, "\(path)")
                #expect(
                    !page.body.contains(name) || !name.contains("<") && !name.contains("\""),
                    "\(path) holds the raw name")
                #expect(!page.body.contains("<script>alert") && !page.body.contains("<img src=x"), "\(path)")
            }
            let apiPage = try await registry.call(.get, "/apis/\(api)")
            // Shown as text (a template tag in a name is not evaluated either).
            #expect(apiPage.body.contains("<h1>\(HTMLText.escape(name)) <span"))
        }
    }

    @Test func apiPageShowsThePathToEachBackend() async throws {
        try await TestRegistry.run { registry in
            let (api, lambda, route) = try await Self.apiWithRoute(registry, name: "shop")
            let link = try await registry.createVpcLink()
            let listener =
                "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/orders-lb/0123456789abcdef/0123456789abcdef"
            let privateIntegration = try await registry.call(
                .post, "/v2/apis/\(api)/integrations",
                #"{"integrationType":"HTTP_PROXY","integrationMethod":"ANY","connectionType":"VPC_LINK","connectionId":"\#(link)","payloadFormatVersion":"1.0","integrationUri":"\#(listener)"}"#
            ).string("integrationId")
            for key in ["POST /orders", "GET /orders/{id}"] {
                _ = try await registry.call(
                    .post, "/v2/apis/\(api)/routes",
                    #"{"routeKey":"\#(key)","target":"integrations/\#(privateIntegration)"}"#)
            }
            let page = try await registry.call(.get, "/apis/\(api)")
            #expect(page.status == .ok)
            Self.expectPageHeaders(page)
            let body = page.body
            #expect(body.contains("id=\"route-\(route)\""))
            #expect(body.contains("href=\"#integration-\(lambda)\""))
            #expect(body.contains("href=\"/vpclinks/\(link)\""))
            #expect(body.contains("href=\"/backends?target=\(HTMLText.percentEncoded(listener))\""))
            #expect(body.contains("href=\"/v2/apis/\(api)/template?format=json\" download"))
            #expect(body.contains("href=\"/v2/apis/\(api)/exports/OAS30?outputType=YAML\" download"))
            // The wide drawing: one node per integration and per backend, the routes grouped.
            let wide = try #require(body.firstMatch(of: /<svg class="wide".*?<\/svg>/.dotMatchesNewlines())?.0)
            #expect(wide.matches(of: /class="node integration"/).count == 2)
            #expect(wide.matches(of: /class="node backend"/).count == 2)
            #expect(wide.contains("2 routes") && wide.contains("1 route<"))
            #expect(wide.contains("through VPC link \(link)"))
            #expect(body.contains("<svg class=\"narrow\""))
            // The history, newest first.
            #expect(body.contains("href=\"/apis/\(api)/revisions/6\""))
        }
    }

    @Test func diagramGroupsThreeHundredRoutes() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI(name: "big")
            var integrations: [String] = []
            for number in 0..<10 {
                integrations.append(try await registry.createLambdaIntegration(in: api, function: "svc\(number % 5)"))
            }
            for number in 0..<300 {
                _ = try await registry.call(
                    .post, "/v2/apis/\(api)/routes",
                    #"{"routeKey":"GET /items/\#(number)","target":"integrations/\#(integrations[number % 10])"}"#)
            }
            let first = try await registry.call(.get, "/apis/\(api)")
            let second = try await registry.call(.get, "/apis/\(api)")
            let wide = try #require(first.body.firstMatch(of: /<svg class="wide".*?<\/svg>/.dotMatchesNewlines())?.0)
            #expect(wide.matches(of: /class="node integration"/).count == 10)
            #expect(wide.matches(of: /class="node backend"/).count == 5, "a shared backend is drawn once")
            #expect(wide.matches(of: /and 26 more/).count == 10)
            #expect(first.body == second.body, "the page is deterministic")
        }
    }

    @Test func reverseLookupListsEveryRouteReachingAFunction() async throws {
        try await TestRegistry.run { registry in
            let (first, _, firstRoute) = try await Self.apiWithRoute(registry, name: "one", function: "shared")
            let (second, _, secondRoute) = try await Self.apiWithRoute(
                registry, name: "two", routeKey: "POST /x", function: "shared")
            _ = try await Self.apiWithRoute(registry, name: "three", function: "shared-v2")
            let arn = "arn:aws:lambda:us-east-1:123456789012:function:shared"
            let page = try await registry.call(.get, "/backends?target=" + HTMLText.percentEncoded(arn))
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"/apis/\(first)#route-\(firstRoute)\""))
            #expect(page.body.contains("href=\"/apis/\(second)#route-\(secondRoute)\""))
            #expect(!page.body.contains(">three<"))
            #expect(page.body.contains("2 APIs, 2 routes on this page"))

            let json = try await registry.call(.get, "/v2/backends?target=" + HTMLText.percentEncoded(arn + ":live"))
            #expect(json.string("targetKind") == "LAMBDA_FUNCTION" && json.items.isEmpty, "a qualifier narrows")
            let none = try await registry.call(.get, "/backends?target=https%3A%2F%2Fnothing.example")
            #expect(none.body.contains("Nothing registered reaches it."))
            let empty = try await registry.call(.get, "/backends")
            #expect(empty.status == .ok && empty.body.contains("name=\"target\""))
        }
    }

    @Test func vpcLinkAndDomainNamePagesShowWhatUsesThem() async throws {
        try await TestRegistry.run { registry in
            let (api, _, _) = try await Self.apiWithRoute(registry, name: "served")
            let link = try await registry.createVpcLink()
            let unused = try await registry.call(.get, "/vpclinks/\(link)")
            #expect(unused.status == .ok && unused.body.contains("No integration goes through this VPC link."))
            _ = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"prod"}"#)
            let domain = try await registry.call(
                .post, "/v2/domainnames",
                #"{"domainName":"api.example.com","domainNameConfigurations":[{"certificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/abc"}]}"#
            )
            #expect(domain.status == .created, "\(domain.body)")
            let mapping = try await registry.call(
                .post, "/v2/domainnames/api.example.com/apimappings",
                #"{"apiId":"\#(api)","stage":"prod","apiMappingKey":"shop"}"#)
            #expect(mapping.status == .created, "\(mapping.body)")
            let page = try await registry.call(.get, "/domainnames/api.example.com")
            #expect(page.status == .ok)
            #expect(page.body.contains("href=\"/apis/\(api)\"") && page.body.contains("<code>/shop</code>"))
            let apiPage = try await registry.call(.get, "/apis/\(api)")
            #expect(apiPage.body.contains("href=\"/domainnames/api.example.com\""))
        }
    }

    @Test func revisionPageShowsTheChangeSet() async throws {
        try await TestRegistry.run { registry in
            let (api, _, _) = try await Self.apiWithRoute(registry, name: "diffed")
            let page = try await registry.call(.get, "/apis/\(api)/revisions/3")
            #expect(page.status == .ok)
            #expect(page.body.contains("CreateRoute"))
            #expect(page.body.contains("[+] AWS::ApiGatewayV2::Route"), "\(page.body)")
            #expect(page.body.contains("template?format=yaml&amp;revision=3"))
            let history = try await registry.call(.get, "/apis/\(api)/revisions")
            #expect(history.body.contains("href=\"/apis/\(api)/revisions/1\""))
        }
    }

    @Test(arguments: [
        ("/apis/zzzzzzzzzz", 404), ("/apis/..%2F..%2Fetc", 404), ("/apis/abcdefghij/revisions/0", 400),
        ("/vpclinks/zzzzzzz", 404), ("/domainnames/nothing.example.com", 404), ("/?nextToken=forged", 400),
    ])
    func missingAndMalformedAreHTMLPages(path: String, status: Int) async throws {
        try await TestRegistry.run { registry in
            let page = try await registry.call(.get, path)
            #expect(page.status.code == status, "\(page.body)")
            Self.expectPageHeaders(page)
            #expect(page.body.contains("Back to the catalog") || page.body.contains("<form"))
        }
    }

    @Test func stylesheetIsServed() async throws {
        try await TestRegistry.run { registry in
            let css = try await registry.call(.get, "/static/site.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.body.contains("@media (max-width: 40rem)"))
        }
    }

    @Test func embeddedPageFilesMatchTheRepository() throws {
        let folder = Fixtures.repository.appendingPathComponent("pages")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(PageResources.files.keys.sorted() == names, "pages/ changed: run scripts/embed-resources")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(PageResources.files[name] == text, "pages/\(name) changed: run scripts/embed-resources")
        }
    }
}
