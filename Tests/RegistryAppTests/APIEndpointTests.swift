import Foundation
import HTTPTypes
import Testing

/// CreateApi, GetApi, GetApis, UpdateApi, DeleteApi over HTTP.
@Suite struct APIEndpointTests {
    @Test func createReturns201WithAWSDefaultsAndNoNulls() async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.post, "/v2/apis", #"{"name":"pets","protocolType":"HTTP"}"#)
            #expect(reply.status == .created)
            let id = reply.string("apiId")
            #expect(id.count == 10 && id.allSatisfy { $0.isLowercase || $0.isNumber })
            #expect(reply.string("apiEndpoint") == "https://\(id).execute-api.us-east-1.amazonaws.com")
            #expect(reply.string("routeSelectionExpression") == "$request.method $request.path")
            #expect(reply.string("apiKeySelectionExpression") == "$request.header.x-api-key")
            #expect(reply.string("createdDate").hasSuffix("Z"))
            #expect(!reply.body.contains("null"))
            #expect(reply.json["description"] == nil)
            #expect(reply.headers[HTTPFieldName.requestID] != nil)
        }
    }

    @Test func webSocketEndpointUsesWSSAndNeedsASelectionExpression() async throws {
        try await TestRegistry.run { registry in
            let refused = try await registry.call(.post, "/v2/apis", #"{"name":"chat","protocolType":"WEBSOCKET"}"#)
            #expect(refused.status == .badRequest)
            #expect(refused.errorType == "BadRequestException")
            #expect(refused.message.contains("routeSelectionExpression"))
            let reply = try await registry.call(
                .post, "/v2/apis",
                #"{"name":"chat","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"}"#)
            #expect(reply.status == .created)
            #expect(reply.string("apiEndpoint").hasPrefix("wss://"))
        }
    }

    @Test func regionComesFromTheSigV4CredentialScope() async throws {
        try await TestRegistry.run { registry in
            let authorization =
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/eu-west-2/apigateway/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc"
            let reply = try await registry.call(
                .post, "/v2/apis", #"{"name":"pets","protocolType":"HTTP"}"#, headers: [.authorization: authorization])
            #expect(reply.string("apiEndpoint").hasSuffix(".execute-api.eu-west-2.amazonaws.com"))
        }
    }

    @Test func getUpdateDelete() async throws {
        try await TestRegistry.run { registry in
            let id = try await registry.createHTTPAPI()
            #expect(try await registry.call(.get, "/v2/apis/\(id)").string("name") == "pets")
            let updated = try await registry.call(.patch, "/v2/apis/\(id)", #"{"name":"cats","description":"d"}"#)
            #expect(updated.status == .ok)
            #expect(updated.string("name") == "cats" && updated.string("description") == "d")
            #expect(try await registry.call(.get, "/v2/apis/\(id)").string("name") == "cats")
            #expect(try await registry.call(.delete, "/v2/apis/\(id)").status == .noContent)
            let gone = try await registry.call(.get, "/v2/apis/\(id)")
            #expect(gone.status == .notFound && gone.errorType == "NotFoundException")
        }
    }

    @Test func updateCannotChangeTheProtocol() async throws {
        try await TestRegistry.run { registry in
            let id = try await registry.createHTTPAPI()
            let reply = try await registry.call(.patch, "/v2/apis/\(id)", #"{"protocolType":"WEBSOCKET"}"#)
            #expect(reply.status == .badRequest)
        }
    }

    @Test func quickCreateMakesIntegrationRouteAndDefaultStage() async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(
                .post, "/v2/apis",
                #"""
                {"name":"quick","protocolType":"HTTP","target":"arn:aws:lambda:us-east-1:123456789012:function:f",
                 "routeKey":"GET /books"}
                """#)
            #expect(reply.status == .created)
            let id = reply.string("apiId")
            let routes = try await registry.call(.get, "/v2/apis/\(id)/routes").items
            #expect(routes.count == 1)
            #expect(routes.first?["routeKey"] as? String == "GET /books")
            let integrations = try await registry.call(.get, "/v2/apis/\(id)/integrations").items
            #expect(integrations.first?["integrationType"] as? String == "AWS_PROXY")
            #expect(integrations.first?["payloadFormatVersion"] as? String == "2.0")
            let stage = try await registry.call(.get, "/v2/apis/\(id)/stages/%24default")
            #expect(stage.status == .ok)
            #expect(stage.json["autoDeploy"] as? Bool == true)
            #expect(!stage.string("deploymentId").isEmpty)
        }
    }

    @Test func listPagesEachItemOnceWithOpaqueTokens() async throws {
        try await TestRegistry.run { registry in
            var created: Set<String> = []
            for index in 0..<12 { created.insert(try await registry.createHTTPAPI(name: "api\(index)")) }
            var seen: [String] = []
            var token: String?
            repeat {
                let query = "maxResults=5" + (token.map { "&nextToken=\($0)" } ?? "")
                let page = try await registry.call(.get, "/v2/apis?\(query)")
                #expect(page.status == .ok)
                #expect(page.items.count <= 5)
                seen += page.items.compactMap { $0["apiId"] as? String }
                token = page.json["nextToken"] as? String
                if let token { _ = try await registry.createHTTPAPI(name: "late\(token.count)") }
            } while token != nil
            #expect(Set(seen).isSuperset(of: created))
            #expect(Set(seen).count == seen.count)
        }
    }

    @Test(arguments: ["maxResults=0", "maxResults=501", "maxResults=abc", "nextToken=garbage", "nextToken=aXIxOi0x"])
    func badPagingParametersAre400(query: String) async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, "/v2/apis?\(query)")
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "BadRequestException")
        }
    }

    @Test func catalogFiltersByNamePrefixAndTag() async throws {
        try await TestRegistry.run { registry in
            _ = try await registry.call(
                .post, "/v2/apis", #"{"name":"orders-api","protocolType":"HTTP","tags":{"team":"core"}}"#)
            _ = try await registry.call(
                .post, "/v2/apis", #"{"name":"orders-admin","protocolType":"HTTP","tags":{"team":"ops"}}"#)
            _ = try await registry.createHTTPAPI(name: "billing")
            #expect(try await registry.call(.get, "/v2/apis?name=orders").items.count == 2)
            let tagged = try await registry.call(.get, "/v2/apis?tag=team:core").items
            #expect(tagged.count == 1 && tagged.first?["name"] as? String == "orders-api")
            #expect(try await registry.call(.get, "/v2/apis?tag=nocolon").status == .badRequest)
        }
    }
}
