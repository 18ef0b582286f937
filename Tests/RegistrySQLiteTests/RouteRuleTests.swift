import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// CreateRoute/UpdateRoute rules, end to end through the use cases over a real store.
///
/// Each HTTP row runs against an API that already has the route `GET /pets/{id}` targeting `@I`,
/// a JWT authorizer `@J` and a REQUEST authorizer `@R`; `@O` and `@OJ` are an integration and a JWT
/// authorizer of another API.
@Suite("Route rules")
struct RouteRuleTests {
    typealias Row = UseCaseCase<RouteInput>

    static let httpCases: [Row] = [
        // Keys and conflicts.
        Row("new key", nil, .init(routeKey: "GET /pets", target: "@I")),
        Row("same key", .conflict, .init(routeKey: "GET /pets/{id}")),
        Row("variable renamed", .conflict, .init(routeKey: "GET /pets/{petId}")),
        Row("variable renamed, with target", .conflict, .init(routeKey: "GET /pets/{name}", target: "@I")),
        Row("other method", nil, .init(routeKey: "ANY /pets/{id}")),
        Row("greedy variable", nil, .init(routeKey: "GET /pets/{id+}")),
        Row("longer path", nil, .init(routeKey: "GET /pets/{id}/toys")),
        Row("$default", nil, .init(routeKey: "$default", target: "@I")),
        Row("bad key", .badRequest, .init(routeKey: "GET pets")),
        Row("$connect", .badRequest, .init(routeKey: "$connect")),
        Row("no key", .badRequest, .init(target: "@I")),
        // Targets.
        Row("target in another API", .notFound, .init(routeKey: "GET /x", target: "@O")),
        Row("target that does not exist", .notFound, .init(routeKey: "GET /x", target: "integrations/zzzzzzz")),
        Row("bare integration id", .badRequest, .init(routeKey: "GET /x", target: "@IID")),
        Row("target with uppercase id", .badRequest, .init(routeKey: "GET /x", target: "integrations/ABCDEFG")),
        // Authorization.
        Row("JWT with JWT authorizer", nil, .init(routeKey: "GET /x", authorizationType: .jwt, authorizerId: "@J")),
        Row(
            "JWT with scopes", nil,
            .init(
                routeKey: "GET /x", authorizationType: .jwt, authorizerId: "@J",
                authorizationScopes: ["pets/read"])),
        Row(
            "JWT with REQUEST authorizer", .badRequest,
            .init(
                routeKey: "GET /x", authorizationType: .jwt,
                authorizerId: "@R")),
        Row("JWT without authorizer", .badRequest, .init(routeKey: "GET /x", authorizationType: .jwt)),
        Row(
            "JWT with authorizer of another API", .notFound,
            .init(
                routeKey: "GET /x", authorizationType: .jwt,
                authorizerId: "@OJ")),
        Row(
            "JWT with impossible authorizer id", .notFound,
            .init(
                routeKey: "GET /x", authorizationType: .jwt,
                authorizerId: "NOT/AN/ID")),
        Row(
            "CUSTOM with REQUEST authorizer", nil,
            .init(
                routeKey: "GET /x", authorizationType: .custom,
                authorizerId: "@R")),
        Row(
            "CUSTOM with JWT authorizer", .badRequest,
            .init(
                routeKey: "GET /x", authorizationType: .custom,
                authorizerId: "@J")),
        Row(
            "CUSTOM with scopes", .badRequest,
            .init(
                routeKey: "GET /x", authorizationType: .custom,
                authorizerId: "@R", authorizationScopes: ["a"])),
        Row(
            "NONE with authorizer", .badRequest,
            .init(
                routeKey: "GET /x", authorizationType: AuthorizationType.none,
                authorizerId: "@J")),
        Row("NONE with scopes", .badRequest, .init(routeKey: "GET /x", authorizationScopes: ["a"])),
        Row("AWS_IAM", nil, .init(routeKey: "GET /x", authorizationType: .awsIAM)),
        Row(
            "AWS_IAM with authorizer", .badRequest,
            .init(
                routeKey: "GET /x", authorizationType: .awsIAM,
                authorizerId: "@R")),
        // WebSocket-only members and lengths.
        Row("apiKeyRequired", .badRequest, .init(routeKey: "GET /x", apiKeyRequired: true)),
        Row("requestModels", .badRequest, .init(routeKey: "GET /x", requestModels: ["application/json": "m"])),
        Row(
            "modelSelectionExpression", .badRequest,
            .init(
                routeKey: "GET /x",
                modelSelectionExpression: "$request.body.type")),
        Row(
            "requestParameters", .badRequest,
            .init(
                routeKey: "GET /x",
                requestParameters: ["route.request.header.x": ParameterConstraints(required: true)])),
        Row("operationName of 64", nil, .init(routeKey: "GET /x", operationName: String(repeating: "o", count: 64))),
        Row(
            "operationName of 65", .badRequest,
            .init(
                routeKey: "GET /x",
                operationName: String(repeating: "o", count: 65))),
    ]

    @Test("HTTP API routes", arguments: httpCases)
    func httpAPI(_ row: Row) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let existing = try await fixture.route("GET /pets/{id}", to: integration, in: api)
        let other = try await fixture.httpAPI("other")
        var placeholders = Placeholders()
        placeholders.values["I"] = "integrations/\(integration.id.rawValue)"
        placeholders.values["IID"] = integration.id.rawValue
        placeholders.values["O"] = "integrations/\(try await fixture.lambdaIntegration(in: other).id.rawValue)"
        placeholders.values["J"] = try await fixture.jwtAuthorizer(in: api).id.rawValue
        placeholders.values["R"] = try await fixture.requestAuthorizer(in: api).id.rawValue
        placeholders.values["OJ"] = try await fixture.jwtAuthorizer(in: other).id.rawValue
        var input = row.input
        input.target = placeholders.resolve(input.target)
        input.authorizerId = placeholders.resolve(input.authorizerId)

        let result = await outcome { () async throws(RegistryError) in
            try await fixture.service.createRoute(in: api.id, input)
        }
        let routes = try await fixture.allRoutes(of: api.id)
        switch (result, row.expected) {
        case (.success(let route), nil):
            #expect(routes.map(\.id) == [existing.id, route.id])
            #expect(try await fixture.service.route(route.id, in: api.id) == route)
        case (.failure(let error), let expected?):
            #expect(error.code == expected, "\(error)")
            #expect(routes == [existing])
            if expected == .conflict { #expect(error.message.contains(existing.id.rawValue)) }
        case (.success, let expected?):
            Issue.record("Expected a \(expected) refusal, the route was created.")
        case (.failure(let error), nil):
            Issue.record("Expected success, refused with \(error)")
        }
    }

    static let webSocketCases: [Row] = [
        Row("$connect with CUSTOM", nil, .init(routeKey: "$connect", authorizationType: .custom, authorizerId: "@R")),
        Row("$connect with AWS_IAM", nil, .init(routeKey: "$connect", authorizationType: .awsIAM)),
        Row(
            "message route with CUSTOM", .badRequest,
            .init(
                routeKey: "sendmessage", authorizationType: .custom,
                authorizerId: "@R")),
        Row("message route with AWS_IAM", .badRequest, .init(routeKey: "sendmessage", authorizationType: .awsIAM)),
        Row("JWT", .badRequest, .init(routeKey: "$connect", authorizationType: .jwt, authorizerId: "@R")),
        Row("$disconnect", nil, .init(routeKey: "$disconnect", target: "@I")),
        Row("$default", nil, .init(routeKey: "$default", target: "@I")),
        Row(
            "message route", nil,
            .init(
                routeKey: "sendmessage", target: "@I", apiKeyRequired: true,
                modelSelectionExpression: "$request.body.type", routeResponseSelectionExpression: "$default",
                requestModels: ["$default": "Message"])),
        Row("empty request model name", .badRequest, .init(routeKey: "typed", requestModels: ["$default": ""])),
        Row(
            "request model name of 128", nil,
            .init(routeKey: "typed", requestModels: ["$default": String(repeating: "m", count: 128)])),
        Row(
            "request model name of 129", .badRequest,
            .init(routeKey: "typed", requestModels: ["$default": String(repeating: "m", count: 129)])),
        Row("same message route", .conflict, .init(routeKey: "existing")),
        Row("$other", .badRequest, .init(routeKey: "$other")),
        Row("key with space", .badRequest, .init(routeKey: "GET /x")),
        Row(
            "empty route response selection", .badRequest,
            .init(
                routeKey: "a",
                routeResponseSelectionExpression: "")),
        Row(
            "route response selection other than $default", .badRequest,
            .init(routeKey: "a", routeResponseSelectionExpression: "$request.body.reply")),
        Row(
            "request model the API lacks", .badRequest, .init(routeKey: "typed", requestModels: ["$default": "Unknown"])
        ),
    ]

    @Test("WebSocket API routes", arguments: webSocketCases)
    func webSocketAPI(_ row: Row) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.webSocketAPI()
        let integration = try await fixture.service.createIntegration(
            in: api.id, IntegrationInput(integrationType: .mock))
        try await fixture.route("existing", in: api)
        for name in ["Message", String(repeating: "m", count: 128)] {
            _ = try await fixture.service.createModel(in: api.id, ModelInput(name: name, schema: #"{"type":"object"}"#))
        }
        var placeholders = Placeholders()
        placeholders.values["I"] = "integrations/\(integration.id.rawValue)"
        placeholders.values["R"] = try await fixture.requestAuthorizer(in: api).id.rawValue
        var input = row.input
        input.target = placeholders.resolve(input.target)
        input.authorizerId = placeholders.resolve(input.authorizerId)
        await expectOutcome(row.expected) { try await fixture.service.createRoute(in: api.id, input) }
        #expect(try await fixture.allRoutes(of: api.id).count == (row.expected == nil ? 2 : 1))
    }

    @Test("an update may rename a variable of its own key but not take another route's key")
    func updateKeys() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let pets = try await fixture.route("GET /pets/{id}", in: api)
        let toys = try await fixture.route("GET /toys/{id}", in: api)
        let renamed = try await fixture.service.updateRoute(
            pets.id, in: api.id, RouteInput(routeKey: "GET /pets/{petId}"))
        #expect(renamed.routeKey.rawValue == "GET /pets/{petId}")
        let error = await expectRegistryError(.conflict) {
            try await fixture.service.updateRoute(toys.id, in: api.id, RouteInput(routeKey: "GET /pets/{toyId}"))
        }
        #expect(error?.message.contains(pets.id.rawValue) == true)
        #expect(try await fixture.service.route(toys.id, in: api.id) == toys)
    }

    @Test("racing creates of conflicting keys: exactly one wins")
    func racingConflicts() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let service = fixture.service
        let outcomes = await withTaskGroup(of: RegistryError.Code?.self) { group in
            for index in 0..<8 {
                group.addTask {
                    do {
                        _ = try await service.createRoute(in: api.id, RouteInput(routeKey: "GET /race/{v\(index)}"))
                        return nil
                    } catch let error as RegistryError {
                        return error.code
                    } catch {
                        return .internalFailure
                    }
                }
            }
            var codes: [RegistryError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(outcomes.filter { $0 == nil }.count == 1)
        #expect(outcomes.filter { $0 == .conflict }.count == 7)
        #expect(try await fixture.allRoutes(of: api.id).count == 1)
    }
}

/// The result of a use case: its value or its refusal.
func outcome<Value>(_ body: () async throws(RegistryError) -> Value) async -> Result<Value, RegistryError> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
