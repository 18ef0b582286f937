import HTTPTypes
import RegistryDomain
import Testing

/// GetCatalog (`GET /v2/catalog`): the catalog page's read as JSON.
@Suite struct CatalogEndpointTests {
    @Test func searchesAndFilters() async throws {
        try await TestRegistry.run { registry in
            let books = try await registry.createHTTPAPI(name: "books")
            let integration = try await registry.createLambdaIntegration(in: books, function: "shelves")
            let route = try await registry.call(
                .post, "/v2/apis/\(books)/routes",
                #"{"routeKey":"GET /shelves/{id}","target":"integrations/\#(integration)"}"#)
            #expect(route.status == .created)
            let pets = try await registry.createHTTPAPI(name: "pets")

            let all = try await registry.call(.get, "/v2/catalog")
            #expect(all.status == .ok)
            #expect(all.items.map { $0["apiId"] as? String } == [pets, books])
            #expect(all.items.last?["routeCount"] as? Int == 1)
            #expect((all.items.last?["lastChange"] as? [String: Any])?["operation"] as? String == "CreateRoute")
            #expect(all.items.last?["matches"] == nil)

            let byPath = try await registry.call(.get, "/v2/catalog?q=%2Fshelves%2F%7Bid%7D")
            #expect((byPath.items.first?["matches"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["route"])
            let found = try await registry.call(.get, "/v2/catalog?q=shelves")
            #expect(found.items.map { $0["apiId"] as? String } == [books])
            let matches = found.items.first?["matches"] as? [[String: Any]]
            #expect(matches?.map { $0["kind"] as? String } == ["route", "integration"])
            #expect(matches?.first?["text"] as? String == "GET /shelves/{id}")
            #expect(found.items.first?["matchCount"] as? Int == 2)

            // A form's `+` is a space: two words, both in the route's document.
            let spaced = try await registry.call(.get, "/v2/catalog?q=shelves+get")
            #expect(spaced.items.map { $0["apiId"] as? String } == [books])
            // One word, `shelves get` in that order: no document has it.
            #expect(try await registry.call(.get, "/v2/catalog?q=shelves%2Bget").items.isEmpty, "%2B is a plus")

            let paged = try await registry.call(.get, "/v2/catalog?maxResults=1")
            #expect(paged.items.count == 1 && paged.string("nextToken") != "")
            let next = try await registry.call(.get, "/v2/catalog?maxResults=1&nextToken=\(paged.string("nextToken"))")
            #expect(next.items.map { $0["apiId"] as? String } == [books])

            #expect(try await registry.call(.get, "/v2/catalog?protocolType=WEBSOCKET").items.isEmpty)
            #expect(try await registry.call(.get, "/v2/catalog?tag=team:x").items.isEmpty)
        }
    }

    @Test func backendUsesListEveryRouteThroughAFunction() async throws {
        try await TestRegistry.run { registry in
            var expected: Set<String> = []
            for name in ["one", "two"] {
                let api = try await registry.createHTTPAPI(name: name)
                let integration = try await registry.createLambdaIntegration(in: api, function: "shared")
                let route = try await registry.call(
                    .post, "/v2/apis/\(api)/routes",
                    #"{"routeKey":"GET /\#(name)","target":"integrations/\#(integration)"}"#)
                expected.insert(route.string("routeId"))
            }
            let other = try await registry.createHTTPAPI(name: "three")
            _ = try await registry.createLambdaIntegration(in: other, function: "shared-v2")
            let arn = "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Ashared"
            let uses = try await registry.call(.get, "/v2/backends?target=\(arn)")
            #expect(uses.status == .ok)
            #expect(uses.string("targetKind") == "LAMBDA_FUNCTION")
            #expect(uses.items.map { $0["apiName"] as? String } == ["two", "one"])
            let routes = uses.items.flatMap { ($0["routes"] as? [[String: Any]]) ?? [] }.compactMap {
                $0["routeId"] as? String
            }
            #expect(Set(routes) == expected)
            let qualified = try await registry.call(.get, "/v2/backends?target=\(arn)%3Alive")
            #expect(qualified.items.isEmpty, "a qualified target is reached only through its qualifier")
            let missing = try await registry.call(.get, "/v2/backends")
            #expect(missing.status == .badRequest && missing.errorType == "BadRequestException")
        }
    }

    @Test(arguments: [
        "/v2/catalog?protocolType=SOAP", "/v2/catalog?tag=nocolon", "/v2/catalog?maxResults=0",
        "/v2/catalog?nextToken=forged", "/v2/catalog?q=" + String(repeating: "x", count: 257),
    ])
    func refusals(path: String) async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, path)
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "BadRequestException", "\(reply.body)")
        }
    }
}
