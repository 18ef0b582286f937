import HTTPTypes
import RegistryDomain
import Testing

/// CreateRoute, GetRoute(s), UpdateRoute, DeleteRoute over HTTP.
@Suite struct RouteEndpointTests {
    @Test func createGetUpdateDelete() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let integration = try await registry.createLambdaIntegration(in: api)
            let created = try await registry.call(
                .post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /books","target":"integrations/\#(integration)"}"#)
            #expect(created.status == .created)
            #expect(created.string("authorizationType") == "NONE")
            #expect(created.string("target") == "integrations/\(integration)")
            let id = created.string("routeId")
            #expect(id.count == 7)
            #expect(try await registry.call(.get, "/v2/apis/\(api)/routes/\(id)").string("routeKey") == "GET /books")
            let updated = try await registry.call(
                .patch, "/v2/apis/\(api)/routes/\(id)", #"{"routeKey":"POST /books"}"#)
            #expect(updated.status == .ok && updated.string("routeKey") == "POST /books")
            #expect(try await registry.call(.delete, "/v2/apis/\(api)/routes/\(id)").status == .noContent)
            #expect(try await registry.call(.get, "/v2/apis/\(api)/routes/\(id)").status == .notFound)
        }
    }

    @Test(
        arguments: [
            ("GET /pets/{petId}", "ConflictException"),
            ("GET /pets/{id}", "ConflictException"),
            ("ANY /pets/{id}", nil),
            ("GET /pets/{id}/toys", nil),
            ("FETCH /pets", "BadRequestException"),
            ("GET pets", "BadRequestException"),
            ("GET /{a+}/b", "BadRequestException"),
            ("GET /{a}/{a}", "BadRequestException"),
        ] as [(String, String?)])
    func routeKeysAgainstAnExistingVariableRoute(key: String, expected: String?) async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            _ = try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /pets/{id}"}"#)
            let reply = try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"\#(key)"}"#)
            #expect(reply.errorType == expected, "\(reply.body)")
            #expect(try await registry.call(.get, "/v2/apis/\(api)/routes").items.count == (expected == nil ? 2 : 1))
        }
    }

    @Test func targetMustBeAnIntegrationOfTheSameAPI() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI(name: "one")
            let other = try await registry.createHTTPAPI(name: "two")
            let foreign = try await registry.createLambdaIntegration(in: other)
            let reply = try await registry.call(
                .post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /x","target":"integrations/\#(foreign)"}"#)
            #expect(reply.status == .notFound)
            let malformed = try await registry.call(
                .post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /x","target":"foo/bar"}"#)
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func routeQuotaAnswers429WithLimitType() async throws {
        try await TestRegistry.run(quotas: .init(routesPerAPI: 2)) { registry in
            let api = try await registry.createHTTPAPI()
            for path in ["a", "b"] {
                #expect(
                    try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /\#(path)"}"#).status
                        == .created)
            }
            let refused = try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /c"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.errorType == "TooManyRequestsException")
            #expect(refused.json["limitType"] as? String == "RoutesPerApi")
        }
    }

    @Test func routesOfAnUnknownAPIAre404() async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, "/v2/apis/abcdefghij/routes")
            #expect(reply.status == .notFound && reply.errorType == "NotFoundException")
        }
    }
}
