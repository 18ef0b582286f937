import GRDB
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// Deletes that other entities depend on, and the API delete cascade.
@Suite("Dependent deletes")
struct DependentDeleteTests {
    @Test("an integration targeted by a route cannot be deleted; the refusal names the route")
    func integrationInUse() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let route = try await fixture.route("GET /pets", to: integration, in: api)
        let error = await expectRegistryError(.conflict) {
            try await fixture.service.deleteIntegration(integration.id, in: api.id)
        }
        #expect(error?.message.contains(route.id.rawValue) == true)
        #expect(try await fixture.service.integration(integration.id, in: api.id) == integration)
        try await fixture.service.deleteRoute(route.id, in: api.id)
        try await fixture.service.deleteIntegration(integration.id, in: api.id)
        await expectRegistryError(.notFound) { try await fixture.service.integration(integration.id, in: api.id) }
    }

    @Test("a VPC link used by an integration cannot be deleted; the refusal names the API")
    func vpcLinkInUse() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let link = try await fixture.vpcLink()
        let integration = try await fixture.service.createIntegration(
            in: api.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: Sample.albListener, integrationMethod: "ANY",
                connectionType: .vpcLink, connectionId: link.id.rawValue))
        let error = await expectRegistryError(.conflict) { try await fixture.service.deleteVpcLink(link.id) }
        #expect(error?.message.contains(api.id.rawValue) == true)
        #expect(try await fixture.service.vpcLink(link.id) == link)
        try await fixture.service.deleteIntegration(integration.id, in: api.id)
        try await fixture.service.deleteVpcLink(link.id)
        await expectRegistryError(.notFound) { try await fixture.service.vpcLink(link.id) }
    }

    @Test("an authorizer used by a route cannot be deleted; the refusal names the route")
    func authorizerInUse() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let authorizer = try await fixture.jwtAuthorizer(in: api)
        let route = try await fixture.service.createRoute(
            in: api.id, RouteInput(routeKey: "GET /me", authorizationType: .jwt, authorizerId: authorizer.id.rawValue))
        let error = await expectRegistryError(.conflict) {
            try await fixture.service.deleteAuthorizer(authorizer.id, in: api.id)
        }
        #expect(error?.message.contains(route.id.rawValue) == true)
        let open = try await fixture.service.updateRoute(
            route.id, in: api.id, RouteInput(authorizationType: AuthorizationType.none))
        #expect(open.authorizerID == nil)
        try await fixture.service.deleteAuthorizer(authorizer.id, in: api.id)
    }

    @Test("deleting an API removes its children and frees its VPC links; other APIs keep theirs")
    func apiCascade() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.service.createAPI(APIInput(name: "doomed", protocolType: .http, tags: ["a": "b"]))
        let keeper = try await fixture.httpAPI("keeper")
        let link = try await fixture.vpcLink()
        let integration = try await fixture.service.createIntegration(
            in: api.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: Sample.nlbListener, integrationMethod: "ANY",
                connectionType: .vpcLink, connectionId: link.id.rawValue))
        let authorizer = try await fixture.jwtAuthorizer(in: api)
        _ = try await fixture.service.createRoute(
            in: api.id,
            RouteInput(
                routeKey: "GET /a", target: "integrations/\(integration.id.rawValue)", authorizationType: .jwt,
                authorizerId: authorizer.id.rawValue))
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "prod", tags: ["s": "t"]))
        _ = try await fixture.service.createDeployment(in: api.id, DeploymentInput(stageName: "prod"))
        let keptRoute = try await fixture.route(
            "GET /kept", to: try await fixture.lambdaIntegration(in: keeper), in: keeper)

        try await fixture.service.deleteAPI(api.id)

        await expectRegistryError(.notFound) { try await fixture.service.api(api.id) }
        await expectRegistryError(.notFound) { try await fixture.service.routes(in: api.id, PageRequest()) }
        let queue = try fixture.rawQueue()
        for table in ["routes", "integrations", "authorizers", "stages", "deployments", "api_tags", "stage_tags"] {
            let count = try await queue.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(table) WHERE api_id = ?", arguments: [api.id.rawValue])
            }
            #expect(count == 0, "\(table) still has rows of the deleted API")
        }
        try await fixture.service.deleteVpcLink(link.id)
        #expect(try await fixture.allRoutes(of: keeper.id) == [keptRoute])
        await expectRegistryError(.notFound) { try await fixture.service.deleteAPI(api.id) }
    }
}

/// Per-API and per-VPC-link quotas, with small limits.
@Suite("Quota use cases")
struct QuotaUseCaseTests {
    static let quotas = Quotas(
        routesPerAPI: 3, integrationsPerAPI: 3, stagesPerAPI: 2, authorizersPerAPI: 1, subnetsPerVpcLink: 2)

    /// What a quota limits.
    enum Kind: String, CaseIterable, Sendable {
        case routes = "RoutesPerApi"
        case integrations = "IntegrationsPerApi"
        case stages = "StagesPerApi"
        case authorizers = "AuthorizersPerApi"
    }

    @Test("the item past the limit is refused with the limit type; other APIs have their own", arguments: Kind.allCases)
    func perAPI(kind: Kind) async throws {
        let fixture = try StoreFixture(quotas: Self.quotas)
        let api = try await fixture.httpAPI()
        let limit: Int
        switch kind {
        case .routes: limit = 3
        case .integrations: limit = 3
        case .stages: limit = 2
        case .authorizers: limit = 1
        }
        for index in 0..<limit { try await Self.create(kind, index, in: api, fixture) }
        let error = await expectRegistryError(.tooManyRequests) { try await Self.create(kind, limit, in: api, fixture) }
        #expect(error?.limitType == kind.rawValue)
        let other = try await fixture.httpAPI("other")
        try await Self.create(kind, 0, in: other, fixture)
    }

    private static func create(_ kind: Kind, _ index: Int, in api: API, _ fixture: StoreFixture) async throws {
        switch kind {
        case .routes: try await fixture.route("GET /r\(index)", in: api)
        case .integrations: _ = try await fixture.lambdaIntegration(in: api)
        case .stages: _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "s\(index)"))
        case .authorizers: _ = try await fixture.jwtAuthorizer(in: api)
        }
    }

    @Test("a VPC link with more subnets than allowed is refused")
    func subnets() async throws {
        let fixture = try StoreFixture(quotas: Self.quotas)
        let error = await expectRegistryError(.tooManyRequests) {
            try await fixture.service.createVpcLink(
                VpcLinkInput(name: "l", subnetIds: ["subnet-0000000a", "subnet-0000000b", "subnet-0000000c"]))
        }
        #expect(error?.limitType == "SubnetsPerVpcLink")
        _ = try await fixture.service.createVpcLink(
            VpcLinkInput(name: "l", subnetIds: ["subnet-0000000a", "subnet-0000000b"]))
        #expect(try await fixture.service.vpcLinks(PageRequest()).items.count == 1)
    }

    @Test("deleting frees quota")
    func deleteFrees() async throws {
        let fixture = try StoreFixture(quotas: Self.quotas)
        let api = try await fixture.httpAPI()
        var routes: [Route] = []
        for index in 0..<3 { routes.append(try await fixture.route("GET /r\(index)", in: api)) }
        try await fixture.service.deleteRoute(routes[0].id, in: api.id)
        try await fixture.route("GET /again", in: api)
    }
}

/// CreateApi members, tags and quick create.
@Suite("APIs and tags")
struct APIUseCaseTests {
    static let createCases: [UseCaseCase<APIInput>] = [
        .init("name of 128", nil, APIInput(name: String(repeating: "n", count: 128), protocolType: .http)),
        .init("name of 129", .badRequest, APIInput(name: String(repeating: "n", count: 129), protocolType: .http)),
        .init(
            "description of 1024", nil,
            APIInput(
                name: "a", protocolType: .http,
                description: String(repeating: "d", count: 1024))),
        .init(
            "description of 1025", .badRequest,
            APIInput(
                name: "a", protocolType: .http,
                description: String(repeating: "d", count: 1025))),
        .init("50 tags", nil, APIInput(name: "a", protocolType: .http, tags: Sample.tags(50))),
        .init("51 tags", .badRequest, APIInput(name: "a", protocolType: .http, tags: Sample.tags(51))),
        .init("aws: tag", .badRequest, APIInput(name: "a", protocolType: .http, tags: ["aws:x": "y"])),
        .init("no name", .badRequest, APIInput(protocolType: .http)),
        .init("no protocol", .badRequest, APIInput(name: "a")),
        .init("WebSocket without selection", .badRequest, APIInput(name: "a", protocolType: .websocket)),
        .init(
            "WebSocket with selection", nil,
            APIInput(
                name: "a", protocolType: .websocket,
                routeSelectionExpression: "$request.body.action")),
        .init(
            "HTTP with other selection", .badRequest,
            APIInput(
                name: "a", protocolType: .http,
                routeSelectionExpression: "$request.body.action")),
        .init("routeKey without target", .badRequest, APIInput(name: "a", protocolType: .http, routeKey: "GET /")),
        .init(
            "quick create on WebSocket", .badRequest,
            APIInput(
                name: "a", protocolType: .websocket,
                routeSelectionExpression: "$request.body.action", target: Sample.function)),
        .init("quick create to ftp://x", .badRequest, APIInput(name: "a", protocolType: .http, target: "ftp://x")),
        .init(
            "quick create to a listener", .badRequest,
            APIInput(
                name: "a", protocolType: .http,
                target: Sample.albListener)),
        .init(
            "quick create with a bad key", .badRequest,
            APIInput(
                name: "a", protocolType: .http,
                target: Sample.function, routeKey: "GET pets")),
    ]

    @Test("CreateApi member rules; a refused create stores nothing", arguments: createCases)
    func create(_ row: UseCaseCase<APIInput>) async throws {
        let fixture = try StoreFixture()
        await expectOutcome(row.expected) { try await fixture.service.createAPI(row.input) }
        let stored = try await fixture.service.apis(PageRequest()).items
        #expect(stored.count == (row.expected == nil ? 1 : 0))
        if let api = stored.first { #expect(api.tags == (row.input.tags ?? [:])) }
    }

    @Test("quick create with a Lambda ARN: AWS_PROXY 2.0 integration, $default route and auto-deployed stage")
    func quickCreateLambda() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.service.createAPI(
            APIInput(name: "quick", protocolType: .http, target: Sample.function))
        let integrations = try await fixture.allIntegrations(of: api.id)
        let integration = try #require(integrations.first)
        #expect(integrations.count == 1)
        #expect(integration.integrationType == .awsProxy)
        #expect(integration.payloadFormatVersion == "2.0")
        #expect(integration.integrationURI == Sample.function)
        #expect(integration.integrationMethod == "POST")
        #expect(integration.timeoutInMillis == 30_000)
        #expect(integration.apiGatewayManaged)
        let routes = try await fixture.allRoutes(of: api.id)
        #expect(routes.map(\.routeKey.rawValue) == ["$default"])
        #expect(routes.first?.target == integration.id)
        #expect(routes.first?.apiGatewayManaged == true)
        let stage = try await fixture.service.stage(.defaultStage, in: api.id)
        #expect(stage.autoDeploy)
        #expect(stage.apiGatewayManaged)
        let deploymentID = try #require(stage.deploymentID)
        let deployment = try await fixture.service.deployment(deploymentID, in: api.id)
        #expect(deployment.autoDeployed)
        #expect(stage.lastDeploymentStatusMessage?.contains(deploymentID.rawValue) == true)
    }

    @Test("quick create with a URL and a route key: HTTP_PROXY ANY 1.0 on that key")
    func quickCreateURL() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.service.createAPI(
            APIInput(name: "quick", protocolType: .http, target: "https://backend.example", routeKey: "GET /pets"))
        let integration = try #require(try await fixture.allIntegrations(of: api.id).first)
        #expect(integration.integrationType == .httpProxy)
        #expect(integration.integrationMethod == "ANY")
        #expect(integration.payloadFormatVersion == "1.0")
        #expect(try await fixture.allRoutes(of: api.id).map(\.routeKey.rawValue) == ["GET /pets"])
    }

    @Test("UpdateApi changes members and refuses the protocol")
    func update() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let updated = try await fixture.service.updateAPI(api.id, APIInput(name: "renamed", version: "v2"))
        #expect(updated.name == "renamed")
        #expect(try await fixture.service.api(api.id) == updated)
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateAPI(api.id, APIInput(protocolType: .websocket))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateAPI(api.id, APIInput(name: String(repeating: "n", count: 129)))
        }
        #expect(try await fixture.service.api(api.id) == updated)
    }

    static let quickUpdateCases: [UseCaseCase<APIInput>] = [
        .init("target to a URL", nil, APIInput(target: "https://backend.example/v2")),
        .init("target to another function", nil, APIInput(target: Sample.function + "-v2")),
        .init("route key", nil, APIInput(routeKey: "GET /pets/{id}")),
        .init("credentials", nil, APIInput(credentialsArn: "arn:aws:iam::123456789012:role/invoker")),
        .init("target to a listener", .badRequest, APIInput(target: Sample.albListener)),
        .init("malformed route key", .badRequest, APIInput(routeKey: "GET pets")),
        .init("route key of another route", .conflict, APIInput(routeKey: "GET /other")),
    ]

    @Test(
        "UpdateApi's quick-create members change the quick-created route and integration", arguments: quickUpdateCases)
    func quickCreateUpdate(_ row: UseCaseCase<APIInput>) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.service.createAPI(
            APIInput(name: "quick", protocolType: .http, target: Sample.function))
        let integration = try #require(try await fixture.allIntegrations(of: api.id).first)
        try await fixture.route("GET /other", to: integration, in: api)
        let deploymentsBefore = try await fixture.service.deployments(in: api.id, PageRequest()).items.count
        let before = (try await fixture.allRoutes(of: api.id), try await fixture.allIntegrations(of: api.id))
        await expectOutcome(row.expected) { try await fixture.service.updateAPI(api.id, row.input) }
        let routes = try await fixture.allRoutes(of: api.id)
        let after = try #require(try await fixture.allIntegrations(of: api.id).first)
        guard row.expected == nil else {
            #expect(routes == before.0)
            #expect(try await fixture.allIntegrations(of: api.id) == before.1)
            return
        }
        #expect(routes.first?.routeKey.rawValue == row.input.routeKey ?? "$default")
        #expect(after.integrationURI == row.input.target ?? Sample.function)
        #expect(after.credentialsArn == row.input.credentialsArn)
        let isURL = row.input.target?.hasPrefix("https://") == true
        #expect(after.integrationType == (isURL ? .httpProxy : .awsProxy))
        #expect(after.payloadFormatVersion == (isURL ? "1.0" : "2.0"))
        #expect(after.integrationMethod == (isURL ? "ANY" : "POST"))
        #expect(
            try await fixture.service.deployments(in: api.id, PageRequest()).items.count == deploymentsBefore + 1,
            "the $default stage deploys the change")
    }

    @Test("UpdateApi's quick-create members need an API made by quick create, on HTTP")
    func quickCreateUpdateNeedsQuickCreate() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateAPI(api.id, APIInput(target: Sample.function))
        }
        let chat = try await fixture.webSocketAPI()
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateAPI(chat.id, APIInput(routeKey: "$default"))
        }
        #expect(try await fixture.allIntegrations(of: api.id).isEmpty)
    }

    @Test("UpdateApi with an empty version clears it; DeleteCorsConfiguration removes CORS")
    func clearVersionAndCORS() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.service.createAPI(
            APIInput(
                name: "cors", protocolType: .http, corsConfiguration: CorsConfiguration(allowOrigins: ["*"]),
                version: "v1"))
        #expect(try await fixture.service.updateAPI(api.id, APIInput(version: "")).version == nil)
        try await fixture.service.deleteCorsConfiguration(of: api.id)
        #expect(try await fixture.service.api(api.id).corsConfiguration == nil)
        try await fixture.service.deleteCorsConfiguration(of: api.id)
        await expectRegistryError(.notFound) {
            try await fixture.service.deleteCorsConfiguration(of: APIID(uncheckedRawValue: "nosuchapi0"))
        }
    }

    @Test("tags on APIs, stages and VPC links: add, overwrite, remove, limit")
    func tags() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "prod"))
        let link = try await fixture.vpcLink()
        for resource in [
            TaggedResource.api(api.id), .stage(api.id, StageName(uncheckedRawValue: "prod")),
            .vpcLink(link.id),
        ] {
            try await fixture.service.tag(resource, with: ["team": "a", "env": "dev"])
            try await fixture.service.tag(resource, with: ["team": "b"])
            #expect(try await fixture.service.tags(of: resource) == ["team": "b", "env": "dev"])
            try await fixture.service.untag(resource, keys: ["env", "absent"])
            #expect(try await fixture.service.tags(of: resource) == ["team": "b"])
            await expectRegistryError(.badRequest) { try await fixture.service.tag(resource, with: Sample.tags(50)) }
            #expect(try await fixture.service.tags(of: resource) == ["team": "b"])
        }
        #expect(try await fixture.service.api(api.id).tags == ["team": "b"])
        let prod = StageName(uncheckedRawValue: "prod")
        try await fixture.service.deleteStage(prod, in: api.id)
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "prod"))
        #expect(try await fixture.service.tags(of: .stage(api.id, prod)) == [:], "a deleted stage's tags are gone")
        let missing = TaggedResource.api(APIID(uncheckedRawValue: "zzzzzzzzzz"))
        await expectRegistryError(.notFound) { try await fixture.service.tags(of: missing) }
        await expectRegistryError(.notFound) { try await fixture.service.tag(missing, with: ["a": "b"]) }
        await expectRegistryError(.notFound) {
            try await fixture.service.tags(of: .stage(api.id, StageName(uncheckedRawValue: "nope")))
        }
    }

    @Test("the API list filters by name prefix and tag")
    func filters() async throws {
        let fixture = try StoreFixture()
        for name in ["alpha-1", "alpha-2", "beta-1"] {
            _ = try await fixture.service.createAPI(
                APIInput(name: name, protocolType: .http, tags: ["team": name.hasSuffix("1") ? "one" : "two"]))
        }
        let page = try PageRequest()
        let alpha = try await fixture.service.apis(page, filter: APIFilter(namePrefix: "alpha"))
        #expect(alpha.items.map(\.name) == ["alpha-1", "alpha-2"])
        let one = try await fixture.service.apis(page, filter: APIFilter(tag: (key: "team", value: "one")))
        #expect(one.items.map(\.name) == ["alpha-1", "beta-1"])
        let both = try await fixture.service.apis(
            page, filter: APIFilter(namePrefix: "beta", tag: (key: "team", value: "one")))
        #expect(both.items.map(\.name) == ["beta-1"])
        #expect(try await fixture.service.apis(page, filter: APIFilter(namePrefix: "%")).items.isEmpty)
    }
}

/// Stages, deployments and automatic deployment.
@Suite("Stages and deployments")
struct StageDeploymentTests {
    @Test("an auto-deploy stage gets a new deployment whenever a route is created")
    func autoDeploy() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let auto = try await fixture.service.createStage(in: api.id, StageInput(stageName: "live", autoDeploy: true))
        let manual = try await fixture.service.createStage(in: api.id, StageInput(stageName: "manual"))
        #expect(auto.deploymentID == nil, "nothing to deploy without routes")
        let integration = try await fixture.lambdaIntegration(in: api)
        try await fixture.route("GET /a", to: integration, in: api)
        let first = try #require(try await fixture.service.stage(auto.name, in: api.id).deploymentID)
        try await fixture.route("GET /b", to: integration, in: api)
        let second = try #require(try await fixture.service.stage(auto.name, in: api.id).deploymentID)
        #expect(first != second)
        let deployments = try await fixture.service.deployments(in: api.id, PageRequest()).items
        #expect(deployments.map(\.id) == [first, second])
        #expect(deployments.allSatisfy { $0.autoDeployed })
        #expect(try await fixture.service.stage(manual.name, in: api.id).deploymentID == nil)
        _ = try await fixture.service.updateIntegration(
            integration.id, in: api.id, IntegrationInput(timeoutInMillis: 900))
        let third = try #require(try await fixture.service.stage(auto.name, in: api.id).deploymentID)
        #expect(third != second, "changing a targeted integration redeploys")
        let routes = try await fixture.allRoutes(of: api.id)
        try await fixture.service.deleteRoute(routes[0].id, in: api.id)
        let fourth = try #require(try await fixture.service.stage(auto.name, in: api.id).deploymentID)
        #expect(fourth != third, "deleting a route redeploys")
        await expectRegistryError(.badRequest) {
            try await fixture.service.createDeployment(in: api.id, DeploymentInput(stageName: "live"))
        }
    }

    @Test(
        "a stage answers as AWS reports it: default route settings per protocol, empty maps; the store keeps what was set"
    )
    func stageShapes() async throws {
        let fixture = try StoreFixture()
        let http = try await fixture.httpAPI()
        let created = try await fixture.service.createStage(in: http.id, StageInput(stageName: "dev"))
        #expect(created.defaultRouteSettings == RouteSettings(detailedMetricsEnabled: false))
        #expect(created.routeSettings == [:] && created.stageVariables == [:])
        let throttled = try await fixture.service.updateStage(
            created.name, in: http.id, StageInput(defaultRouteSettings: RouteSettings(throttlingBurstLimit: 5)))
        #expect(throttled.defaultRouteSettings == RouteSettings(detailedMetricsEnabled: false, throttlingBurstLimit: 5))
        let chat = try await fixture.webSocketAPI()
        _ = try await fixture.service.createStage(in: chat.id, StageInput(stageName: "live"))
        let live = try #require(try await fixture.service.stages(in: chat.id, PageRequest()).items.first)
        #expect(
            live.defaultRouteSettings
                == RouteSettings(dataTraceEnabled: false, detailedMetricsEnabled: false, loggingLevel: .off))
        let stored = try await fixture.service.snapshot(of: http.id).stages
        #expect(stored.map(\.defaultRouteSettings) == [RouteSettings(throttlingBurstLimit: 5)])
        #expect(stored.map(\.stageVariables) == [nil])
    }

    @Test("UpdateIntegration merges parameter mappings: an empty value removes one, {} a status code's")
    func parameterMappingRemoval() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.service.createIntegration(
            in: api.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: "https://backend.example", integrationMethod: "ANY",
                requestParameters: ["append:header.a": "$request.header.x", "overwrite:path": "/v2"],
                responseParameters: ["200": ["append:header.b": "y"], "500": ["overwrite:statuscode": "503"]]))
        let updated = try await fixture.service.updateIntegration(
            integration.id, in: api.id,
            IntegrationInput(
                requestParameters: ["append:header.a": "", "append:header.c": "$context.requestId"],
                responseParameters: ["500": [:]]))
        #expect(updated.requestParameters == ["overwrite:path": "/v2", "append:header.c": "$context.requestId"])
        #expect(updated.responseParameters == ["200": ["append:header.b": "y"]])
        await expectRegistryError(.badRequest) {
            try await fixture.service.createIntegration(
                in: api.id,
                IntegrationInput(
                    integrationType: .httpProxy, integrationUri: "https://backend.example", integrationMethod: "ANY",
                    requestParameters: ["append:header.a": ""]))
        }
    }

    @Test("DeleteAccessLogSettings, DeleteRouteSettings and ResetAuthorizersCache on a stage")
    func stageSettingDeletes() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        try await fixture.route("GET /pets", in: api)
        try await fixture.route("$default", in: api)
        let stage = try await fixture.service.createStage(
            in: api.id,
            StageInput(
                stageName: "live",
                routeSettings: ["GET /pets": RouteSettings(throttlingBurstLimit: 5), "$default": RouteSettings()],
                accessLogSettings: AccessLogSettings(
                    destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:access", format: "$context.requestId"
                )))
        try await fixture.service.deleteAccessLogSettings(of: stage.name, in: api.id)
        try await fixture.service.deleteRouteSettings(forRouteKey: "GET /pets", of: stage.name, in: api.id)
        var stored = try await fixture.service.stage(stage.name, in: api.id)
        #expect(stored.accessLogSettings == nil)
        #expect(stored.routeSettings.map { Array($0.keys) } == ["$default"])
        await expectRegistryError(.notFound) {
            try await fixture.service.deleteRouteSettings(forRouteKey: "GET /pets", of: stage.name, in: api.id)
        }
        try await fixture.service.deleteRouteSettings(forRouteKey: "$default", of: stage.name, in: api.id)
        stored = try await fixture.service.stage(stage.name, in: api.id)
        #expect(stored.routeSettings == [:], "AWS reports no route settings as an empty map")
        try await fixture.service.resetAuthorizersCache(of: stage.name, in: api.id)
        await expectRegistryError(.notFound) {
            try await fixture.service.resetAuthorizersCache(of: StageName(uncheckedRawValue: "gone"), in: api.id)
        }
        await expectRegistryError(.notFound) {
            try await fixture.service.deleteAccessLogSettings(of: StageName(uncheckedRawValue: "gone"), in: api.id)
        }
    }

    @Test("DeleteRouteRequestParameter removes one parameter and redeploys; an unknown one is 404")
    func deleteRouteRequestParameter() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.webSocketAPI()
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "live", autoDeploy: true))
        let route = try await fixture.service.createRoute(
            in: api.id,
            RouteInput(
                routeKey: "$connect",
                requestParameters: [
                    "route.request.querystring.token": ParameterConstraints(required: true),
                    "route.request.header.Origin": ParameterConstraints(required: false),
                ]))
        let deployments = try await fixture.service.deployments(in: api.id, PageRequest()).items.count
        try await fixture.service.deleteRouteRequestParameter(
            "route.request.querystring.token", of: route.id, in: api.id)
        #expect(
            try await fixture.service.route(route.id, in: api.id).requestParameters.map { Array($0.keys) }
                == ["route.request.header.Origin"])
        #expect(try await fixture.service.deployments(in: api.id, PageRequest()).items.count == deployments + 1)
        await expectRegistryError(.notFound) {
            try await fixture.service.deleteRouteRequestParameter(
                "route.request.querystring.token", of: route.id, in: api.id)
        }
        try await fixture.service.deleteRouteRequestParameter("route.request.header.Origin", of: route.id, in: api.id)
        #expect(try await fixture.service.route(route.id, in: api.id).requestParameters == nil)
    }

    @Test("an auto-deploy stage created after the routes deploys at once")
    func autoDeployOnCreate() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        try await fixture.route("GET /a", in: api)
        let stage = try await fixture.service.createStage(in: api.id, StageInput(stageName: "live", autoDeploy: true))
        #expect(stage.deploymentID != nil)
        let manual = try await fixture.service.createStage(in: api.id, StageInput(stageName: "manual"))
        let switched = try await fixture.service.updateStage(manual.name, in: api.id, StageInput(autoDeploy: true))
        #expect(switched.deploymentID != nil)
    }

    @Test("a deployment a stage serves cannot be deleted")
    func deploymentInUse() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        try await fixture.route("GET /a", in: api)
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "prod"))
        let deployment = try await fixture.service.createDeployment(
            in: api.id, DeploymentInput(description: "first", stageName: "prod"))
        #expect(
            try await fixture.service.stage(StageName(uncheckedRawValue: "prod"), in: api.id).deploymentID
                == deployment.id)
        let error = await expectRegistryError(.badRequest) {
            try await fixture.service.deleteDeployment(deployment.id, in: api.id)
        }
        #expect(error?.message.contains("prod") == true)
        try await fixture.service.deleteStage(StageName(uncheckedRawValue: "prod"), in: api.id)
        try await fixture.service.deleteDeployment(deployment.id, in: api.id)
        await expectRegistryError(.notFound) { try await fixture.service.deployment(deployment.id, in: api.id) }
    }

    @Test("deployment rules")
    func deploymentRules() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        await expectRegistryError(.badRequest) {
            try await fixture.service.createDeployment(in: api.id, DeploymentInput())
        }
        try await fixture.route("GET /a", in: api)
        await expectRegistryError(.notFound) {
            try await fixture.service.createDeployment(in: api.id, DeploymentInput(stageName: "absent"))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.createDeployment(in: api.id, DeploymentInput(stageName: "bad name"))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.createDeployment(
                in: api.id, DeploymentInput(description: String(repeating: "d", count: 1025)))
        }
        let deployment = try await fixture.service.createDeployment(in: api.id, DeploymentInput())
        let updated = try await fixture.service.updateDeployment(
            deployment.id, in: api.id, DeploymentInput(description: "described"))
        #expect(updated.description == "described")
        #expect(try await fixture.service.deployment(deployment.id, in: api.id) == updated)
    }

    /// Stage requests; `@DEP` is a deployment of the stage's API, `@OTHERDEP` one of another API.
    static let stageCases: [UseCaseCase<StageInput>] = [
        .init("plain", nil, StageInput(stageName: "prod")),
        .init("$default", nil, StageInput(stageName: "$default")),
        .init("own deployment", nil, StageInput(stageName: "prod", deploymentId: "@DEP")),
        .init("deployment of another API", .notFound, StageInput(stageName: "prod", deploymentId: "@OTHERDEP")),
        .init("deployment that does not exist", .notFound, StageInput(stageName: "prod", deploymentId: "zzzzzzz")),
        .init("impossible deployment id", .notFound, StageInput(stageName: "prod", deploymentId: "../x")),
        .init("existing name", .conflict, StageInput(stageName: "existing")),
        .init("bad name", .badRequest, StageInput(stageName: "bad name")),
        .init("no name", .badRequest, StageInput()),
        .init("client certificate", .badRequest, StageInput(stageName: "prod", clientCertificateId: "cert")),
        .init(
            "route settings for a route key", nil,
            StageInput(
                stageName: "prod",
                routeSettings: ["GET /a": RouteSettings(throttlingBurstLimit: 10)])),
        .init(
            "route settings for a route the API lacks", .notFound,
            StageInput(
                stageName: "prod",
                routeSettings: ["GET /pets": RouteSettings(throttlingBurstLimit: 10)])),
        .init(
            "route settings for a bad key", .badRequest,
            StageInput(
                stageName: "prod",
                routeSettings: ["GET pets": RouteSettings(throttlingBurstLimit: 10)])),
        .init(
            "description of 1025", .badRequest,
            StageInput(
                stageName: "prod",
                description: String(repeating: "d", count: 1025))),
        .init("51 tags", .badRequest, StageInput(stageName: "prod", tags: Sample.tags(51))),
        .init(
            "stage variable of 2048", nil,
            StageInput(stageName: "prod", stageVariables: ["v": String(repeating: "v", count: 2048)])),
        .init(
            "stage variable of 2049", .badRequest,
            StageInput(stageName: "prod", stageVariables: ["v": String(repeating: "v", count: 2049)])),
        .init(
            "empty access log format", .badRequest,
            StageInput(
                stageName: "prod",
                accessLogSettings: AccessLogSettings(
                    destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:g",
                    format: ""))),
    ]

    @Test("CreateStage rules on an HTTP API", arguments: stageCases)
    func createStage(_ row: UseCaseCase<StageInput>) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let other = try await fixture.httpAPI("other")
        try await fixture.route("GET /a", in: api)
        try await fixture.route("GET /a", in: other)
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "existing"))
        var placeholders = Placeholders()
        placeholders.values["DEP"] = try await fixture.service.createDeployment(in: api.id, DeploymentInput()).id
            .rawValue
        placeholders.values["OTHERDEP"] =
            try await fixture.service.createDeployment(in: other.id, DeploymentInput()).id.rawValue
        var input = row.input
        input.deploymentId = placeholders.resolve(input.deploymentId)
        await expectOutcome(row.expected) { try await fixture.service.createStage(in: api.id, input) }
        let stages = try await fixture.service.stages(in: api.id, PageRequest()).items
        #expect(stages.count == (row.expected == nil ? 2 : 1))
    }

    @Test("WebSocket stages: no $default, client certificates allowed")
    func webSocketStages() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.webSocketAPI()
        await expectRegistryError(.badRequest) {
            try await fixture.service.createStage(in: api.id, StageInput(stageName: "$default"))
        }
        let stage = try await fixture.service.createStage(
            in: api.id, StageInput(stageName: "prod", clientCertificateId: "abc123"))
        #expect(stage.clientCertificateID == "abc123")
    }

    @Test("UpdateStage cannot rename, nor point at another API's deployment")
    func updateStage() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let other = try await fixture.httpAPI("other")
        try await fixture.route("GET /a", in: other)
        let foreign = try await fixture.service.createDeployment(in: other.id, DeploymentInput())
        let stage = try await fixture.service.createStage(in: api.id, StageInput(stageName: "prod"))
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateStage(stage.name, in: api.id, StageInput(stageName: "renamed"))
        }
        await expectRegistryError(.notFound) {
            try await fixture.service.updateStage(stage.name, in: api.id, StageInput(deploymentId: foreign.id.rawValue))
        }
        #expect(try await fixture.service.stage(stage.name, in: api.id) == stage)
        let described = try await fixture.service.updateStage(stage.name, in: api.id, StageInput(description: "d"))
        #expect(described.description == "d")
    }
}

/// VPC link use cases beyond their member rules.
@Suite("VPC links")
struct VpcLinkUseCaseTests {
    @Test("UpdateVpcLink changes only the name")
    func update() async throws {
        let fixture = try StoreFixture()
        let link = try await fixture.vpcLink()
        let renamed = try await fixture.service.updateVpcLink(link.id, VpcLinkInput(name: "renamed"))
        #expect(renamed.name == "renamed")
        #expect(renamed.subnetIDs == link.subnetIDs)
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateVpcLink(link.id, VpcLinkInput(subnetIds: ["subnet-0000000b"]))
        }
        await expectRegistryError(.badRequest) {
            try await fixture.service.updateVpcLink(link.id, VpcLinkInput(name: ""))
        }
        await expectRegistryError(.notFound) {
            try await fixture.service.updateVpcLink(VpcLinkID(uncheckedRawValue: "zzzzzzz"), VpcLinkInput(name: "x"))
        }
        #expect(try await fixture.service.vpcLink(link.id) == renamed)
    }

    @Test("a VPC link keeps its subnets, security groups and tags")
    func roundTrip() async throws {
        let fixture = try StoreFixture()
        let link = try await fixture.service.createVpcLink(
            VpcLinkInput(
                name: "full", subnetIds: ["subnet-0123456789abcdef0", "subnet-0000000b"],
                securityGroupIds: ["sg-0000000a"], tags: ["team": "net"]))
        #expect(try await fixture.service.vpcLink(link.id) == link)
        await expectRegistryError(.badRequest) {
            try await fixture.service.createVpcLink(VpcLinkInput(name: "nosubnets"))
        }
    }
}
