import HTTPTypes
import Testing

/// CreateIntegration and the integration rules as the wire reports them.
@Suite struct IntegrationEndpointTests {
    static let alb =
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2f7dc8efc522ab2"

    @Test func httpProxyDefaultsPayload10AndTimeout30000() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let reply = try await registry.call(
                .post, "/v2/apis/\(api)/integrations",
                #"{"integrationType":"HTTP_PROXY","integrationUri":"https://example.com","integrationMethod":"ANY"}"#)
            #expect(reply.status == .created)
            #expect(reply.string("payloadFormatVersion") == "1.0")
            #expect(reply.string("connectionType") == "INTERNET")
            #expect(reply.json["timeoutInMillis"] as? Int == 30000)
        }
    }

    @Test func privateIntegrationThroughAVpcLink() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let link = try await registry.createVpcLink()
            let reply = try await registry.call(
                .post, "/v2/apis/\(api)/integrations",
                #"""
                {"integrationType":"HTTP_PROXY","integrationUri":"\#(Self.alb)","integrationMethod":"ANY",
                 "connectionType":"VPC_LINK","connectionId":"\#(link)","tlsConfig":{"serverNameToVerify":"x.example"}}
                """#)
            #expect(reply.status == .created, "\(reply.body)")
            #expect(reply.string("connectionId") == link)
            let delete = try await registry.call(.delete, "/v2/vpclinks/\(link)")
            #expect(delete.status == .conflict)
            #expect(delete.message.contains(api))
        }
    }

    @Test(arguments: [
        (#"{"integrationType":"MOCK"}"#, "BadRequestException"),
        (
            #"{"integrationType":"HTTP","integrationUri":"https://x.example","integrationMethod":"GET"}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"AWS_PROXY","integrationUri":"arn:aws:lambda:us-east-1:123456789012:function:f"}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"AWS_PROXY","payloadFormatVersion":"3.0","integrationUri":"arn:aws:lambda:us-east-1:123456789012:function:f"}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"AWS_PROXY","payloadFormatVersion":"2.0","integrationMethod":"GET","integrationUri":"arn:aws:lambda:us-east-1:123456789012:function:f"}"#,
            "BadRequestException"
        ),
        (#"{"integrationType":"HTTP_PROXY","integrationUri":"https://x.example"}"#, "BadRequestException"),
        (
            #"{"integrationType":"HTTP_PROXY","integrationUri":"ftp://x","integrationMethod":"GET"}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"HTTP_PROXY","integrationUri":"https://x.example","integrationMethod":"GET","connectionType":"VPC_LINK"}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"HTTP_PROXY","integrationUri":"https://x.example","integrationMethod":"GET","connectionId":"abcdefg"}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"HTTP_PROXY","integrationUri":"https://x.example","integrationMethod":"GET","timeoutInMillis":49}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"HTTP_PROXY","integrationUri":"https://x.example","integrationMethod":"GET","tlsConfig":{"serverNameToVerify":"a"}}"#,
            "BadRequestException"
        ),
        (
            #"{"integrationType":"HTTP_PROXY","integrationUri":"arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/1/2","integrationMethod":"GET","connectionType":"VPC_LINK","connectionId":"nosuchl"}"#,
            "NotFoundException"
        ),
        (#"{"integrationType":"NOPE"}"#, "BadRequestException"),
        (#"{"integrationType":"HTTP_PROXY","timeoutInMillis":"soon"}"#, "BadRequestException"),
    ])
    func refusedOnAnHTTPAPI(body: String, expected: String) async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let reply = try await registry.call(.post, "/v2/apis/\(api)/integrations", body)
            #expect(reply.errorType == expected, "\(reply.body)")
            #expect(!reply.message.isEmpty)
            #expect(try await registry.call(.get, "/v2/apis/\(api)/integrations").items.isEmpty)
        }
    }

    @Test func webSocketRules() async throws {
        try await TestRegistry.run { registry in
            let created = try await registry.call(
                .post, "/v2/apis",
                #"{"name":"chat","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"}"#)
            let api = created.string("apiId")
            let invocation =
                "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                + "arn:aws:lambda:us-east-1:123456789012:function:chat/invocations"
            let good = try await registry.call(
                .post, "/v2/apis/\(api)/integrations",
                #"{"integrationType":"AWS_PROXY","integrationUri":"\#(invocation)"}"#)
            #expect(good.status == .created, "\(good.body)")
            #expect(good.json["timeoutInMillis"] as? Int == 29000)
            let bare = try await registry.call(
                .post, "/v2/apis/\(api)/integrations",
                #"{"integrationType":"AWS_PROXY","integrationUri":"arn:aws:lambda:us-east-1:123456789012:function:f"}"#)
            #expect(bare.status == .badRequest)
            let mock = try await registry.call(.post, "/v2/apis/\(api)/integrations", #"{"integrationType":"MOCK"}"#)
            #expect(mock.status == .created)
        }
    }

    @Test func targetedIntegrationCannotBeDeleted() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let integration = try await registry.createLambdaIntegration(in: api)
            let route = try await registry.call(
                .post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /a","target":"integrations/\#(integration)"}"#)
            let refused = try await registry.call(.delete, "/v2/apis/\(api)/integrations/\(integration)")
            #expect(refused.status == .conflict && refused.errorType == "ConflictException")
            #expect(refused.message.contains(route.string("routeId")))
            _ = try await registry.call(.delete, "/v2/apis/\(api)/routes/\(route.string("routeId"))")
            #expect(
                try await registry.call(.delete, "/v2/apis/\(api)/integrations/\(integration)").status == .noContent)
        }
    }
}
