import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// CreateIntegration/UpdateIntegration rules, end to end through the use cases over a real store.
///
/// Inputs name the fixture's VPC link as `@LINK` in `connectionId`.
@Suite("Integration rules")
struct IntegrationRuleTests {
    typealias Row = UseCaseCase<IntegrationInput>

    static let httpCases: [Row] = [
        // AWS_PROXY (Lambda).
        Row(
            "Lambda ARN, 2.0", nil,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0")),
        Row(
            "invocation URI, 1.0", nil,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.invocation,
                payloadFormatVersion: "1.0")),
        Row(
            "Lambda without payload format", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.function)),
        Row(
            "Lambda with payload 3.0", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "3.0")),
        Row(
            "Lambda with method POST", nil,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                integrationMethod: "POST", payloadFormatVersion: "2.0")),
        Row(
            "Lambda with method GET", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                integrationMethod: "GET", payloadFormatVersion: "2.0")),
        Row(
            "AWS_PROXY to a URL", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: "https://a.example",
                payloadFormatVersion: "2.0")),
        Row(
            "AWS_PROXY to a listener", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.albListener, payloadFormatVersion: "2.0")),
        Row("AWS_PROXY without URI", .badRequest, .init(integrationType: .awsProxy, payloadFormatVersion: "2.0")),
        Row(
            "AWS_PROXY over a VPC link", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.function, connectionType: .vpcLink, connectionId: "@LINK",
                payloadFormatVersion: "2.0")),
        // AWS_PROXY (AWS service integrations).
        Row(
            "SQS subtype", nil,
            .init(
                integrationType: .awsProxy, integrationSubtype: "SQS-SendMessage",
                credentialsArn: "arn:aws:iam::123456789012:role/sqs",
                requestParameters: ["QueueUrl": "$request.header.queue", "MessageBody": "$request.body"])),
        Row(
            "subtype with a URI", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                integrationSubtype: "SQS-SendMessage")),
        Row(
            "subtype with payload 2.0", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationSubtype: "SQS-SendMessage", payloadFormatVersion: "2.0")),
        // HTTP_PROXY over the internet.
        Row(
            "URL with ANY", nil,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example/{proxy}",
                integrationMethod: "ANY")),
        Row(
            "http URL with GET", nil,
            .init(
                integrationType: .httpProxy, integrationUri: "http://10.0.0.1:8080/x",
                integrationMethod: "GET")),
        Row("URL without method", .badRequest, .init(integrationType: .httpProxy, integrationUri: "https://a.example")),
        Row(
            "URL with method FETCH", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: "https://a.example", integrationMethod: "FETCH")),
        Row(
            "URL with payload 2.0", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", payloadFormatVersion: "2.0")),
        Row(
            "URL with payload 1.0", nil,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", payloadFormatVersion: "1.0")),
        Row(
            "HTTP_PROXY to a Lambda ARN", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.function, integrationMethod: "ANY")),
        Row(
            "HTTP_PROXY to ftp://x", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "ftp://x",
                integrationMethod: "ANY")),
        Row(
            "HTTP_PROXY to http://", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "http://",
                integrationMethod: "ANY")),
        Row("HTTP_PROXY without URI", .badRequest, .init(integrationType: .httpProxy, integrationMethod: "ANY")),
        Row(
            "listener over the internet", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.albListener, integrationMethod: "ANY")),
        Row(
            "internet with connectionId", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: "https://a.example", integrationMethod: "ANY", connectionType: .internet,
                connectionId: "@LINK")),
        Row(
            "internet with tlsConfig", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: "https://a.example", integrationMethod: "ANY",
                tlsConfig: TLSConfig(serverNameToVerify: "a.example"))),
        Row(
            "HTTP_PROXY with subtype", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: "https://a.example", integrationMethod: "ANY", integrationSubtype: "SQS-SendMessage")),
        // HTTP_PROXY over a VPC link.
        Row(
            "ALB listener", nil,
            .init(
                integrationType: .httpProxy, integrationUri: Sample.albListener,
                integrationMethod: "ANY", connectionType: .vpcLink, connectionId: "@LINK")),
        Row(
            "NLB listener", nil,
            .init(
                integrationType: .httpProxy, integrationUri: Sample.nlbListener,
                integrationMethod: "GET", connectionType: .vpcLink, connectionId: "@LINK")),
        Row(
            "Cloud Map service", nil,
            .init(
                integrationType: .httpProxy, integrationUri: Sample.cloudMapService,
                integrationMethod: "ANY", connectionType: .vpcLink, connectionId: "@LINK")),
        Row(
            "private URL", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", connectionType: .vpcLink, connectionId: "@LINK")),
        Row(
            "VPC link without connectionId", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.albListener, integrationMethod: "ANY", connectionType: .vpcLink)),
        Row(
            "VPC link that does not exist", .notFound,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.albListener, integrationMethod: "ANY", connectionType: .vpcLink,
                connectionId: "zzzzzzz")),
        Row(
            "VPC link id that cannot exist", .notFound,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.albListener, integrationMethod: "ANY", connectionType: .vpcLink,
                connectionId: "../link")),
        Row(
            "private with tlsConfig", nil,
            .init(
                integrationType: .httpProxy, integrationUri: Sample.albListener,
                integrationMethod: "ANY", connectionType: .vpcLink, connectionId: "@LINK",
                tlsConfig: TLSConfig(serverNameToVerify: "a.example"))),
        Row(
            "private with empty server name", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.albListener, integrationMethod: "ANY", connectionType: .vpcLink,
                connectionId: "@LINK", tlsConfig: TLSConfig(serverNameToVerify: ""))),
        // Types HTTP APIs do not have.
        Row(
            "AWS", .badRequest,
            .init(integrationType: .aws, integrationUri: Sample.sqsAction, integrationMethod: "POST")),
        Row(
            "HTTP", .badRequest,
            .init(
                integrationType: .http, integrationUri: "https://a.example",
                integrationMethod: "GET")),
        Row("MOCK", .badRequest, .init(integrationType: .mock)),
        Row("no type", .badRequest, .init(integrationUri: Sample.function, payloadFormatVersion: "2.0")),
        // WebSocket-only members.
        Row(
            "requestTemplates", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", requestTemplates: ["application/json": "{}"])),
        Row(
            "passthroughBehavior", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", passthroughBehavior: .never)),
        Row(
            "responseParameters", nil,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", responseParameters: ["200": ["overwrite:statuscode": "204"]])),
        // Timeouts.
        Row(
            "timeout 49", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0", timeoutInMillis: 49)),
        Row(
            "timeout 50", nil,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0", timeoutInMillis: 50)),
        Row(
            "timeout 30000", nil,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0", timeoutInMillis: 30_000)),
        Row(
            "timeout 30001", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0", timeoutInMillis: 30_001)),
        // Lengths.
        Row(
            "description of 1024", nil,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0", description: String(repeating: "d", count: 1024))),
        Row(
            "description of 1025", .badRequest,
            .init(
                integrationType: .awsProxy, integrationUri: Sample.function,
                payloadFormatVersion: "2.0", description: String(repeating: "d", count: 1025))),
        Row(
            "URI of 2049", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: "https://a.example/" + String(repeating: "p", count: 2031), integrationMethod: "ANY")),
        Row(
            "empty request parameter key", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: "https://a.example", integrationMethod: "ANY", requestParameters: ["": "x"])),
        // Parameter mapping values are 1-512 characters (botocore's IntegrationParameters).
        Row(
            "empty request parameter value", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example", integrationMethod: "ANY",
                requestParameters: ["append:header.x": ""])),
        Row(
            "request parameter value of 512", nil,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example", integrationMethod: "ANY",
                requestParameters: ["append:header.x": String(repeating: "v", count: 512)])),
        Row(
            "request parameter value of 513", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example", integrationMethod: "ANY",
                requestParameters: ["append:header.x": String(repeating: "v", count: 513)])),
        Row(
            "empty response parameter value", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example", integrationMethod: "ANY",
                responseParameters: ["200": ["overwrite:header.x": ""]])),
        Row(
            "response parameter value of 513", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example", integrationMethod: "ANY",
                responseParameters: ["404": ["overwrite:header.x": String(repeating: "v", count: 513)]])),
        Row(
            "empty response parameter status", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example", integrationMethod: "ANY",
                responseParameters: ["": ["overwrite:statuscode": "204"]])),
    ]

    @Test("HTTP API integrations", arguments: httpCases)
    func httpAPI(_ row: Row) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let input = try await Self.resolve(row.input, in: fixture)
        await expectOutcome(row.expected) { try await fixture.service.createIntegration(in: api.id, input) }
        let stored = try await fixture.allIntegrations(of: api.id)
        #expect(stored.count == (row.expected == nil ? 1 : 0))
    }

    static let webSocketCases: [Row] = [
        Row(
            "AWS_PROXY to an invocation URI", nil,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.invocation)),
        Row(
            "AWS_PROXY to a function ARN", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.function)),
        Row(
            "AWS_PROXY with payload 2.0", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.invocation, payloadFormatVersion: "2.0")),
        Row(
            "AWS_PROXY with method GET", .badRequest,
            .init(
                integrationType: .awsProxy,
                integrationUri: Sample.invocation, integrationMethod: "GET")),
        Row(
            "AWS to a service action", nil,
            .init(
                integrationType: .aws, integrationUri: Sample.sqsAction,
                integrationMethod: "POST", requestTemplates: ["application/json": "Action=SendMessage"],
                templateSelectionExpression: "\\$default", passthroughBehavior: .never)),
        Row(
            "AWS to an invocation URI", nil,
            .init(
                integrationType: .aws, integrationUri: Sample.invocation,
                integrationMethod: "POST", contentHandlingStrategy: .convertToText)),
        Row(
            "AWS to a URL", .badRequest,
            .init(
                integrationType: .aws, integrationUri: "https://a.example",
                integrationMethod: "POST")),
        Row("AWS without method", .badRequest, .init(integrationType: .aws, integrationUri: Sample.sqsAction)),
        Row(
            "HTTP to a URL", nil,
            .init(
                integrationType: .http, integrationUri: "https://a.example",
                integrationMethod: "POST")),
        Row("HTTP without method", .badRequest, .init(integrationType: .http, integrationUri: "https://a.example")),
        Row(
            "HTTP_PROXY to a URL", nil,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY")),
        Row(
            "HTTP_PROXY to a listener", .badRequest,
            .init(
                integrationType: .httpProxy,
                integrationUri: Sample.albListener, integrationMethod: "ANY")),
        Row(
            "MOCK", nil,
            .init(integrationType: .mock, requestTemplates: ["application/json": "{\"statusCode\": 200}"])),
        Row("MOCK with a URI", .badRequest, .init(integrationType: .mock, integrationUri: "https://a.example")),
        Row(
            "VPC link", .badRequest,
            .init(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY", connectionType: .vpcLink, connectionId: "@LINK")),
        Row("tlsConfig", .badRequest, .init(integrationType: .mock, tlsConfig: TLSConfig(serverNameToVerify: "a"))),
        Row("timeout 29000", nil, .init(integrationType: .mock, timeoutInMillis: 29_000)),
        Row("timeout 29001", .badRequest, .init(integrationType: .mock, timeoutInMillis: 29_001)),
        Row("timeout 30000", .badRequest, .init(integrationType: .mock, timeoutInMillis: 30_000)),
        Row(
            "responseParameters", .badRequest,
            .init(
                integrationType: .mock,
                responseParameters: ["200": ["overwrite:statuscode": "204"]])),
        Row("subtype", .badRequest, .init(integrationType: .awsProxy, integrationSubtype: "SQS-SendMessage")),
        Row("empty template selection", .badRequest, .init(integrationType: .mock, templateSelectionExpression: "")),
    ]

    @Test("WebSocket API integrations", arguments: webSocketCases)
    func webSocketAPI(_ row: Row) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.webSocketAPI()
        let input = try await Self.resolve(row.input, in: fixture)
        await expectOutcome(row.expected) { try await fixture.service.createIntegration(in: api.id, input) }
        let stored = try await fixture.allIntegrations(of: api.id)
        #expect(stored.count == (row.expected == nil ? 1 : 0))
    }

    /// `input` with `@LINK` replaced by a VPC link created in `fixture`.
    private static func resolve(_ input: IntegrationInput, in fixture: StoreFixture) async throws -> IntegrationInput {
        var input = input
        if input.connectionId == "@LINK" {
            var placeholders = Placeholders()
            placeholders.values["LINK"] = try await fixture.vpcLink().id.rawValue
            input.connectionId = placeholders.resolve(input.connectionId)
        }
        return input
    }

    @Test("defaults: HTTP Lambda proxies POST with 30 s, HTTP_PROXY payload 1.0, WebSocket 29 s and 1.0")
    func defaults() async throws {
        let fixture = try StoreFixture()
        let http = try await fixture.httpAPI()
        let lambda = try await fixture.lambdaIntegration(in: http)
        #expect(lambda.timeoutInMillis == 30_000)
        #expect(lambda.integrationMethod == "POST")
        #expect(lambda.payloadFormatVersion == "2.0")
        #expect(lambda.connectionType == .internet)
        let proxy = try await fixture.service.createIntegration(
            in: http.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: "https://a.example",
                integrationMethod: "ANY"))
        #expect(proxy.payloadFormatVersion == "1.0")
        let webSocket = try await fixture.webSocketAPI()
        let mock = try await fixture.service.createIntegration(
            in: webSocket.id, IntegrationInput(integrationType: .mock))
        #expect(mock.timeoutInMillis == 29_000)
        #expect(mock.payloadFormatVersion == "1.0")
        #expect(try await fixture.service.integration(proxy.id, in: http.id) == proxy)
    }

    @Test("an update is checked as a whole and a refused one changes nothing")
    func update() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateIntegration(
                integration.id, in: api.id, IntegrationInput(payloadFormatVersion: "3.0"))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateIntegration(
                integration.id, in: api.id, IntegrationInput(integrationType: .httpProxy))
        }
        #expect(try await fixture.service.integration(integration.id, in: api.id) == integration)
        let updated = try await fixture.service.updateIntegration(
            integration.id, in: api.id, IntegrationInput(payloadFormatVersion: "1.0", timeoutInMillis: 5000))
        #expect(updated.payloadFormatVersion == "1.0")
        #expect(updated.timeoutInMillis == 5000)
        #expect(try await fixture.service.integration(integration.id, in: api.id) == updated)
    }

    @Test("an integration of another API, or of no API, is not found")
    func notFound() async throws {
        let fixture = try StoreFixture()
        let first = try await fixture.httpAPI("first")
        let second = try await fixture.httpAPI("second")
        let integration = try await fixture.lambdaIntegration(in: first)
        await expectRegistryError(.notFound) { try await fixture.service.integration(integration.id, in: second.id) }
        await expectRegistryError(.notFound) {
            try await fixture.service.deleteIntegration(integration.id, in: second.id)
        }
        await expectRegistryError(.notFound) {
            try await fixture.service.createIntegration(
                in: APIID(uncheckedRawValue: "zzzzzzzzzz"),
                IntegrationInput(
                    integrationType: .awsProxy, integrationUri: Sample.function, payloadFormatVersion: "2.0"))
        }
    }
}
