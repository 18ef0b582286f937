import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// ImportApi's use case: a whole plan in one write and one revision, or nothing.
@Suite("Import")
struct ImportTests {
    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:orders"

    /// A plan with an authorizer, a shared integration and three routes.
    static func plan() -> APIImportPlan {
        APIImportPlan(
            api: APIInput(name: "orders", description: "imported", version: "1", tags: ["team": "payments"]),
            authorizers: [
                ImportedAuthorizer(
                    pointer: "/components/securitySchemes/users",
                    input: AuthorizerInput(
                        name: "users", authorizerType: .jwt, identitySource: ["$request.header.Authorization"],
                        jwtConfiguration: JWTConfiguration(audience: ["a"], issuer: "https://issuer.example.com")))
            ],
            integrations: [
                ImportedIntegration(
                    key: "shared/orders", pointer: "/components/x-amazon-apigateway-integrations/orders",
                    input: IntegrationInput(
                        integrationType: .awsProxy, integrationUri: lambda, payloadFormatVersion: "2.0"))
            ],
            routes: [
                ImportedRoute(
                    pointer: "/paths/~1orders/get", input: RouteInput(routeKey: "GET /orders"),
                    integrationKey: "shared/orders"),
                ImportedRoute(
                    pointer: "/paths/~1orders/post",
                    input: RouteInput(routeKey: "POST /orders", authorizationType: .jwt, authorizationScopes: ["w"]),
                    integrationKey: "shared/orders", authorizerName: "users"),
                ImportedRoute(
                    pointer: "/paths/$default/x-amazon-apigateway-any-method", input: RouteInput(routeKey: "$default")),
            ],
            warnings: ["/paths/~1mock/get/x-amazon-apigateway-integration/type: not imported"])
    }

    @Test("an import makes the API and everything in it in one revision, ids wired")
    func importsInOneRevision() async throws {
        let fixture = try StoreFixture()
        let result = try await fixture.service.importAPI(Self.plan(), failOnWarnings: false)
        let api = result.api
        #expect(api.name == "orders" && api.protocolType == .http && api.tags == ["team": "payments"])
        #expect(result.warnings.count == 1)
        let routes = try await fixture.allRoutes(of: api.id)
        let integrations = try await fixture.allIntegrations(of: api.id)
        #expect(routes.map(\.routeKey.rawValue) == ["GET /orders", "POST /orders", "$default"])
        #expect(integrations.count == 1)
        #expect(routes[0].target == integrations[0].id && routes[1].target == integrations[0].id)
        #expect(routes[2].target == nil)
        let authorizers = try await fixture.service.authorizers(in: api.id, PageRequest()).items
        #expect(routes[1].authorizerID == authorizers.first?.id && routes[1].authorizationScopes == ["w"])
        let revisions = try await fixture.service.revisions(of: api.id, PageRequest()).items
        #expect(revisions.map(\.operation) == ["ImportApi"] && revisions.map(\.revision) == [1])
    }

    @Test("warnings refuse the import when failOnWarnings is set, and nothing is made")
    func failOnWarnings() async throws {
        let fixture = try StoreFixture()
        let error = await #expect(throws: RegistryError.self) {
            try await fixture.service.importAPI(Self.plan(), failOnWarnings: true)
        }
        #expect(error?.code == .badRequest && error?.message.hasPrefix("Warnings found during import:") == true)
        #expect(try await fixture.service.apis(PageRequest()).items.isEmpty)
    }

    @Test(
        "a rule broken anywhere refuses the whole import with the rule's code and the place it broke",
        arguments: [
            RuleCase<APIImportPlan>("conflicting route keys", .conflict) {
                $0.routes.append(
                    ImportedRoute(pointer: "/paths/~1orders~1again/get", input: RouteInput(routeKey: "GET /orders")))
            },
            RuleCase<APIImportPlan>("a malformed route key", .badRequest) {
                $0.routes.append(ImportedRoute(pointer: "/paths/orders/get", input: RouteInput(routeKey: "GET orders")))
            },
            RuleCase<APIImportPlan>("a Lambda integration without its URI", .badRequest) {
                $0.integrations[0].input.integrationUri = nil
            },
            RuleCase<APIImportPlan>("an authorizer without an issuer", .badRequest) {
                $0.authorizers[0].input.jwtConfiguration = JWTConfiguration(audience: ["a"])
            },
            RuleCase<APIImportPlan>("an API name over 128 characters", .badRequest) {
                $0.api.name = String(repeating: "n", count: 129)
            },
            RuleCase<APIImportPlan>("as given", nil) { _ in },
        ])
    func rulesApply(_ row: RuleCase<APIImportPlan>) async throws {
        let fixture = try StoreFixture()
        let plan = row.applied(to: Self.plan())
        do {
            _ = try await fixture.service.importAPI(plan, failOnWarnings: false)
            #expect(row.expected == nil, "\(row.label) was accepted")
        } catch {
            #expect(error.code == row.expected, "\(row.label): \(error.message)")
            #expect(error.message.hasPrefix("Errors found during import: /"), "\(error.message)")
            #expect(try await fixture.service.apis(PageRequest()).items.isEmpty, "nothing is left of a refused import")
            let log = try await fixture.service.changes(ChangeFilter(), PageRequest()).items
            #expect(log.isEmpty)
        }
    }

    @Test("a reimport replaces routes, integrations and authorizers, keeping the ids of what survives")
    func reimportKeepsWhatSurvives() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let original = try await service.importAPI(Self.plan(), failOnWarnings: false).api
        let before = try await fixture.allRoutes(of: original.id)
        let integrationsBefore = try await fixture.allIntegrations(of: original.id)
        let authorizersBefore = try await service.authorizers(in: original.id, PageRequest()).items
        var plan = Self.plan()
        plan.api.name = "orders-v2"
        plan.routes.removeLast()  // $default goes
        plan.routes[1].input.authorizationScopes = ["write"]  // POST /orders changes in place
        plan.routes.append(
            ImportedRoute(
                pointer: "/paths/~1refunds/post", input: RouteInput(routeKey: "POST /refunds"),
                integrationKey: "/paths/~1refunds/post/x-amazon-apigateway-integration"))
        plan.integrations.append(
            ImportedIntegration(
                key: "/paths/~1refunds/post/x-amazon-apigateway-integration",
                pointer: "/paths/~1refunds/post/x-amazon-apigateway-integration",
                input: IntegrationInput(
                    integrationType: .httpProxy, integrationUri: "https://refunds.example.com",
                    integrationMethod: "POST",
                    payloadFormatVersion: "1.0")))
        plan.integrations[0].input.timeoutInMillis = 9000
        let result = try await service.reimportAPI(original.id, plan, failOnWarnings: false)
        #expect(result.api.id == original.id && result.api.name == "orders-v2")
        #expect(result.api.tags == ["team": "payments"], "tags are kept")
        let after = try await fixture.allRoutes(of: original.id)
        #expect(after.map(\.routeKey.rawValue) == ["GET /orders", "POST /orders", "POST /refunds"])
        #expect(after[0].id == before[0].id && after[1].id == before[1].id, "matched by route key")
        #expect(after[1].authorizationScopes == ["write"])
        let integrations = try await fixture.allIntegrations(of: original.id)
        #expect(integrations.count == 2)
        #expect(integrations[0].id == integrationsBefore[0].id && integrations[0].timeoutInMillis == 9000)
        let authorizers = try await service.authorizers(in: original.id, PageRequest()).items
        #expect(authorizers.map(\.id) == authorizersBefore.map(\.id), "matched by name")
        let revisions = try await service.revisions(of: original.id, PageRequest()).items
        #expect(revisions.map(\.operation) == ["ReimportApi", "ImportApi"])
        // A definition without the authorizer and the shared integration removes both.
        var bare = Self.plan()
        bare.authorizers = []
        bare.routes = [ImportedRoute(pointer: "/paths/~1ping/get", input: RouteInput(routeKey: "GET /ping"))]
        bare.integrations = []
        _ = try await service.reimportAPI(original.id, bare, failOnWarnings: false)
        #expect(try await fixture.allIntegrations(of: original.id).isEmpty)
        #expect(try await service.authorizers(in: original.id, PageRequest()).items.isEmpty)
        #expect(try await fixture.allRoutes(of: original.id).map(\.routeKey.rawValue) == ["GET /ping"])
    }

    @Test("a refused reimport changes nothing; WebSocket APIs and unknown ids are refused")
    func reimportRefusals() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let api = try await service.importAPI(Self.plan(), failOnWarnings: false).api
        let snapshot = try await service.snapshot(of: api.id)
        var broken = Self.plan()
        broken.routes.append(
            ImportedRoute(pointer: "/paths/~1orders~1x/get", input: RouteInput(routeKey: "GET /orders")))
        let conflict = await #expect(throws: RegistryError.self) {
            try await service.reimportAPI(api.id, broken, failOnWarnings: false)
        }
        #expect(conflict?.code == .conflict && conflict?.message.contains("/paths/~1orders~1x/get") == true)
        #expect(try await service.snapshot(of: api.id) == snapshot)
        let ws = try await fixture.webSocketAPI()
        let websocket = await #expect(throws: RegistryError.self) {
            try await service.reimportAPI(ws.id, Self.plan(), failOnWarnings: false)
        }
        #expect(websocket?.code == .badRequest)
        let missing = await #expect(throws: RegistryError.self) {
            try await service.reimportAPI(APIID(uncheckedRawValue: "nosuchapi0"), Self.plan(), failOnWarnings: false)
        }
        #expect(missing?.code == .notFound)
    }
}
