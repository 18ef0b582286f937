import RegistryDomain
import RegistryTestSupport
import Testing

/// Models, route responses and integration responses of WebSocket APIs through the use cases over
/// a real store: AWS's rules on each, and what a reference to a model blocks.
@Suite("Models, route responses and integration responses")
struct WebSocketResponseUseCaseTests {
    static let schema = #"{"$schema":"http://json-schema.org/draft-04/schema#","type":"object"}"#

    /// A WebSocket API with a MOCK integration, a route to it and a model named `Message`.
    struct Chat {
        let fixture: StoreFixture
        let api: API
        let integration: Integration
        let route: Route
        let model: Model

        init() async throws {
            fixture = try StoreFixture()
            api = try await fixture.webSocketAPI()
            integration = try await fixture.service.createIntegration(
                in: api.id, IntegrationInput(integrationType: .mock))
            route = try await fixture.route("sendmessage", to: integration, in: api)
            model = try await fixture.service.createModel(
                in: api.id, ModelInput(name: "Message", schema: WebSocketResponseUseCaseTests.schema))
        }
    }

    static let modelCases: [UseCaseCase<ModelInput>] = [
        .init("alphanumeric name", nil, ModelInput(name: "Ack2", schema: schema, contentType: "application/json")),
        .init("name of 128", nil, ModelInput(name: String(repeating: "m", count: 128), schema: schema)),
        .init("name of 129", .badRequest, ModelInput(name: String(repeating: "m", count: 129), schema: schema)),
        .init("name with a hyphen", .badRequest, ModelInput(name: "chat-message", schema: schema)),
        .init("name taken", .conflict, ModelInput(name: "Message", schema: schema)),
        .init("no schema", .badRequest, ModelInput(name: "Ack")),
        .init("no name", .badRequest, ModelInput(schema: schema)),
        .init(
            "schema of 32768", nil,
            ModelInput(name: "Big", schema: #"{"d":""# + String(repeating: "x", count: 32_768 - 8) + #""}"#)),
        .init(
            "schema of 32769", .badRequest,
            ModelInput(name: "Big", schema: #"{"d":""# + String(repeating: "x", count: 32_768 - 7) + #""}"#)),
        .init(
            "content type of 257", .badRequest,
            ModelInput(name: "Ack", schema: schema, contentType: String(repeating: "c", count: 257))),
        .init(
            "description of 1025", .badRequest,
            ModelInput(name: "Ack", schema: schema, description: String(repeating: "d", count: 1025))),
    ]

    @Test("CreateModel rules; a refused model stores nothing", arguments: modelCases)
    func createModel(_ row: UseCaseCase<ModelInput>) async throws {
        let chat = try await Chat()
        await expectOutcome(row.expected) { try await chat.fixture.service.createModel(in: chat.api.id, row.input) }
        let models = try await chat.fixture.service.models(in: chat.api.id, PageRequest()).items
        #expect(models.count == (row.expected == nil ? 2 : 1))
    }

    @Test("models, route responses and integration responses are for WebSocket APIs only")
    func httpAPIsRefuse() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let route = try await fixture.route("GET /pets", to: integration, in: api)
        await expectRegistryError(.badRequest) {
            try await fixture.service.createModel(in: api.id, ModelInput(name: "Pet", schema: Self.schema))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.createRouteResponse(
                of: route.id, in: api.id, RouteResponseInput(routeResponseKey: "$default"))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.createIntegrationResponse(
                of: integration.id, in: api.id, IntegrationResponseInput(integrationResponseKey: "$default"))
        }
    }

    static let routeResponseCases: [UseCaseCase<RouteResponseInput>] = [
        .init("$default", nil, RouteResponseInput(routeResponseKey: "$default")),
        .init(
            "with a model", nil,
            RouteResponseInput(
                routeResponseKey: "$default", modelSelectionExpression: "$default",
                responseModels: ["$default": "Message"],
                responseParameters: ["route.response.header.x": ParameterConstraints(required: false)])),
        .init("another key", .badRequest, RouteResponseInput(routeResponseKey: "ok")),
        .init("no key", .badRequest, RouteResponseInput()),
        .init(
            "unknown model", .badRequest,
            RouteResponseInput(routeResponseKey: "$default", responseModels: ["$default": "Unknown"])),
    ]

    @Test("CreateRouteResponse rules", arguments: routeResponseCases)
    func createRouteResponse(_ row: UseCaseCase<RouteResponseInput>) async throws {
        let chat = try await Chat()
        await expectOutcome(row.expected) {
            try await chat.fixture.service.createRouteResponse(of: chat.route.id, in: chat.api.id, row.input)
        }
        let stored = try await chat.fixture.service.routeResponses(of: chat.route.id, in: chat.api.id, PageRequest())
        #expect(stored.items.count == (row.expected == nil ? 1 : 0))
        if row.expected == nil {
            await expectRegistryError(.conflict) {
                try await chat.fixture.service.createRouteResponse(of: chat.route.id, in: chat.api.id, row.input)
            }
        }
    }

    @Test(
        "integration response keys: $default, a /regular expression/ or a status code, once per integration",
        arguments: [
            ("$default", nil), ("/2\\d\\d/", nil), ("/4\\d\\d/", nil), ("200", nil),
            ("//", RegistryError.Code.badRequest),
            ("2xx", .badRequest), ("default", .badRequest), ("", .badRequest),
        ] as [(String, RegistryError.Code?)])
    func integrationResponseKeys(key: String, expected: RegistryError.Code?) async throws {
        let chat = try await Chat()
        let input = IntegrationResponseInput(
            integrationResponseKey: key, templateSelectionExpression: "\\$default",
            responseTemplates: ["$default": #"{"ok": true}"#], contentHandlingStrategy: .convertToText)
        await expectOutcome(expected) {
            try await chat.fixture.service.createIntegrationResponse(
                of: chat.integration.id, in: chat.api.id, input)
        }
        if expected == nil {
            await expectRegistryError(.conflict) {
                try await chat.fixture.service.createIntegrationResponse(
                    of: chat.integration.id, in: chat.api.id, input)
            }
        }
    }

    @Test("a model that a route or route response names is neither deleted nor renamed")
    func namedModelsStay() async throws {
        let chat = try await Chat()
        let service = chat.fixture.service
        let typed = try await service.createRoute(
            in: chat.api.id, RouteInput(routeKey: "typed", requestModels: ["$default": "Message"]))
        await expectRegistryError(.conflict) { try await service.deleteModel(chat.model.id, in: chat.api.id) }
        await expectRegistryError(.conflict) {
            try await service.updateModel(chat.model.id, in: chat.api.id, ModelInput(name: "Renamed"))
        }
        let described = try await service.updateModel(
            chat.model.id, in: chat.api.id, ModelInput(description: "still Message"))
        #expect(described.name == "Message" && described.description == "still Message")
        try await service.deleteRoute(typed.id, in: chat.api.id)
        let reply = try await service.createRouteResponse(
            of: chat.route.id, in: chat.api.id,
            RouteResponseInput(routeResponseKey: "$default", responseModels: ["$default": "Message"]))
        await expectRegistryError(.conflict) { try await service.deleteModel(chat.model.id, in: chat.api.id) }
        try await service.deleteRouteResponse(reply.id, of: chat.route.id, in: chat.api.id)
        try await service.deleteModel(chat.model.id, in: chat.api.id)
        await expectRegistryError(.notFound) { try await service.model(chat.model.id, in: chat.api.id) }
    }

    @Test("responses go with their route or integration, and everything with the API")
    func cascades() async throws {
        let chat = try await Chat()
        let service = chat.fixture.service
        _ = try await service.createRouteResponse(
            of: chat.route.id, in: chat.api.id, RouteResponseInput(routeResponseKey: "$default"))
        let other = try await service.createIntegration(in: chat.api.id, IntegrationInput(integrationType: .mock))
        _ = try await service.createIntegrationResponse(
            of: other.id, in: chat.api.id, IntegrationResponseInput(integrationResponseKey: "$default"))
        try await service.deleteRoute(chat.route.id, in: chat.api.id)
        try await service.deleteIntegration(other.id, in: chat.api.id)
        var snapshot = try await service.snapshot(of: chat.api.id)
        #expect(snapshot.routeResponses.isEmpty && snapshot.integrationResponses.isEmpty)
        _ = try await service.createIntegrationResponse(
            of: chat.integration.id, in: chat.api.id, IntegrationResponseInput(integrationResponseKey: "$default"))
        snapshot = try await service.snapshot(of: chat.api.id)
        #expect(snapshot.integrationResponses.count == 1 && snapshot.models.count == 1)
        try await service.deleteAPI(chat.api.id)
        await expectRegistryError(.notFound) { try await service.snapshot(of: chat.api.id) }
    }

    @Test("a WebSocket API's non-proxy integration passes through when no template matches, as AWS answers")
    func nonProxyDefaults() async throws {
        let chat = try await Chat()
        #expect(chat.integration.passthroughBehavior == .whenNoMatch)
        #expect(chat.integration.integrationResponseSelectionExpression == "${integration.response.statuscode}")
        let aws = try await chat.fixture.service.createIntegration(
            in: chat.api.id,
            IntegrationInput(integrationType: .aws, integrationUri: Sample.sqsAction, integrationMethod: "POST"))
        #expect(aws.integrationResponseSelectionExpression == "${integration.response.body.errorMessage}")
        let proxy = try await chat.fixture.lambdaIntegration(in: chat.api)
        #expect(proxy.passthroughBehavior == nil && proxy.integrationResponseSelectionExpression == nil)
    }
}
