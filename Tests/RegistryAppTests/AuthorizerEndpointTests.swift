import HTTPTypes
import Testing

/// Authorizers and the routes that use them.
@Suite struct AuthorizerEndpointTests {
    static let jwt = #"""
        {"name":"jwt","authorizerType":"JWT","identitySource":["$request.header.Authorization"],
         "jwtConfiguration":{"issuer":"https://issuer.example","audience":["app"]}}
        """#

    @Test func jwtRouteUsesAJWTAuthorizerOfTheSameAPI() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let created = try await registry.call(.post, "/v2/apis/\(api)/authorizers", Self.jwt)
            #expect(created.status == .created, "\(created.body)")
            let authorizer = created.string("authorizerId")
            let missing = try await registry.call(
                .post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /a","authorizationType":"JWT"}"#)
            #expect(missing.status == .badRequest)
            let route = try await registry.call(
                .post, "/v2/apis/\(api)/routes",
                #"{"routeKey":"GET /a","authorizationType":"JWT","authorizerId":"\#(authorizer)"}"#)
            #expect(route.status == .created)
            let busy = try await registry.call(.delete, "/v2/apis/\(api)/authorizers/\(authorizer)")
            #expect(busy.status == .conflict && busy.message.contains(route.string("routeId")))
            let updated = try await registry.call(
                .patch, "/v2/apis/\(api)/authorizers/\(authorizer)", #"{"name":"renamed"}"#)
            #expect(updated.string("name") == "renamed")
            #expect(try await registry.call(.get, "/v2/apis/\(api)/authorizers").items.count == 1)
        }
    }

    @Test func jwtAuthorizerNeedsAnIssuer() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let reply = try await registry.call(
                .post, "/v2/apis/\(api)/authorizers",
                #"{"name":"j","authorizerType":"JWT","identitySource":["$request.header.Authorization"]}"#)
            #expect(reply.status == .badRequest)
        }
    }

    @Test func typeOfAnAuthorizerInUseCannotChange() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let authorizer = try await registry.call(.post, "/v2/apis/\(api)/authorizers", Self.jwt).string(
                "authorizerId")
            _ = try await registry.call(
                .post, "/v2/apis/\(api)/routes",
                #"{"routeKey":"GET /a","authorizationType":"JWT","authorizerId":"\#(authorizer)"}"#)
            let invocation =
                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"
            let reply = try await registry.call(
                .patch, "/v2/apis/\(api)/authorizers/\(authorizer)",
                #"{"authorizerType":"REQUEST","authorizerUri":"\#(invocation)","authorizerPayloadFormatVersion":"2.0"}"#
            )
            #expect(reply.status == .conflict, "\(reply.body)")
            let read = try await registry.call(.get, "/v2/apis/\(api)/authorizers/\(authorizer)")
            #expect(read.string("authorizerType") == "JWT")
        }
    }
}
