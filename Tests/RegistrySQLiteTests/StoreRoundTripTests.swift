import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// Every member of every entity goes into its table and comes back as it was, through the store
/// port alone (no use case, so no rule hides a column). The fixtures are checked member by member
/// (``unfilledMembers(of:)``): a member added later must be filled here, and a column forgotten in
/// the INSERT, the UPDATE or the decoding then fails this test.
@Suite("Store round trips")
struct StoreRoundTripTests {
    /// One of each entity, every member set, consistent with the schema's keys and constraints.
    struct Entities {
        var link = VpcLink(
            id: VpcLinkID(uncheckedRawValue: "link001"), name: "private", subnetIDs: ["subnet-0123abcd"],
            securityGroupIDs: ["sg-0123abcd"], tags: ["team": "payments", "tier": "1"],
            createdDate: Timestamp(millisecondsSinceEpoch: 1_700_000_000_001))
        var api = API(
            id: APIID(uncheckedRawValue: "roundtrip1"), name: "round trip", protocolType: .http,
            description: "every member", routeSelectionExpression: API.httpRouteSelectionExpression,
            apiKeySelectionExpression: "$request.header.x-api-key",
            corsConfiguration: CorsConfiguration(
                allowCredentials: true, allowHeaders: ["content-type"], allowMethods: ["GET", "POST"],
                allowOrigins: ["https://example.com"], exposeHeaders: ["x-request-id"], maxAge: 600),
            disableExecuteApiEndpoint: true, disableSchemaValidation: false, version: "1.2.3",
            ipAddressType: .dualstack, tags: ["team": "payments"],
            createdDate: Timestamp(millisecondsSinceEpoch: 1_700_000_000_002))
        var deployment = Deployment(
            id: DeploymentID(uncheckedRawValue: "deploy1"), apiID: APIID(uncheckedRawValue: "roundtrip1"),
            description: "first", autoDeployed: true, createdDate: Timestamp(millisecondsSinceEpoch: 1_700_000_000_003))
        var authorizer = Authorizer(
            id: AuthorizerID(uncheckedRawValue: "author1"), apiID: APIID(uncheckedRawValue: "roundtrip1"),
            name: "cognito", authorizerType: .jwt, identitySource: ["$request.header.Authorization"],
            jwtConfiguration: JWTConfiguration(audience: ["client"], issuer: "https://issuer.example"),
            authorizerURI: Sample.invocation, authorizerPayloadFormatVersion: "2.0", authorizerResultTTLInSeconds: 300,
            enableSimpleResponses: true, authorizerCredentialsArn: "arn:aws:iam::123456789012:role/invoker",
            identityValidationExpression: "^Bearer .+$")
        var integration = Integration(
            id: IntegrationID(uncheckedRawValue: "integr1"), apiID: APIID(uncheckedRawValue: "roundtrip1"),
            integrationType: .httpProxy, integrationURI: Sample.albListener, integrationMethod: "ANY",
            integrationSubtype: "SQS-SendMessage", connectionType: .vpcLink,
            connectionID: VpcLinkID(uncheckedRawValue: "link001"), payloadFormatVersion: "1.0", timeoutInMillis: 12_000,
            description: "private", credentialsArn: "arn:aws:iam::123456789012:role/caller",
            requestParameters: ["append:header.x": "$request.header.y"], requestTemplates: ["application/json": "{}"],
            responseParameters: ["200": ["overwrite:statuscode": "204"]], templateSelectionExpression: "\\$default",
            passthroughBehavior: .whenNoTemplates, contentHandlingStrategy: .convertToBinary,
            tlsConfig: TLSConfig(serverNameToVerify: "internal.example.com"), apiGatewayManaged: true)
        var route = Route(
            id: RouteID(uncheckedRawValue: "route01"), apiID: APIID(uncheckedRawValue: "roundtrip1"),
            routeKey: RouteKey(stored: "GET /items/{id}", protocolType: .http),
            target: IntegrationID(uncheckedRawValue: "integr1"), authorizationType: .jwt,
            authorizerID: AuthorizerID(uncheckedRawValue: "author1"), authorizationScopes: ["read", "write"],
            apiKeyRequired: true, operationName: "getItem", modelSelectionExpression: "$request.body.type",
            routeResponseSelectionExpression: "$default", requestModels: ["$default": "Item"],
            requestParameters: ["route.request.header.x": ParameterConstraints(required: true)],
            apiGatewayManaged: true)
        var stage = Stage(
            apiID: APIID(uncheckedRawValue: "roundtrip1"), name: StageName(uncheckedRawValue: "prod"),
            description: "production", deploymentID: DeploymentID(uncheckedRawValue: "deploy1"), autoDeploy: true,
            stageVariables: ["backend": "prod.example.com"],
            defaultRouteSettings: RouteSettings(
                dataTraceEnabled: true, detailedMetricsEnabled: true, loggingLevel: .info, throttlingBurstLimit: 10,
                throttlingRateLimit: 5.5),
            routeSettings: [
                "GET /items/{id}": RouteSettings(
                    dataTraceEnabled: false, detailedMetricsEnabled: false, loggingLevel: .error,
                    throttlingBurstLimit: 1, throttlingRateLimit: 0.5)
            ],
            accessLogSettings: AccessLogSettings(
                destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:access", format: "$context.requestId"),
            clientCertificateID: "cert01", tags: ["env": "prod"], apiGatewayManaged: true,
            createdDate: Timestamp(millisecondsSinceEpoch: 1_700_000_000_004),
            lastUpdatedDate: Timestamp(millisecondsSinceEpoch: 1_700_000_000_005),
            lastDeploymentStatusMessage: "Successfully deployed")
        var domainName = DomainName(
            name: DomainNameID(uncheckedRawValue: "api.example.com"), endpointID: "d-abcdefghij",
            configuration: DomainNameConfiguration(
                certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", certificateName: "api",
                endpointType: .regional, securityPolicy: .tls12,
                ownershipVerificationCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/own",
                ipAddressType: .dualstack),
            mutualTLSAuthentication: MutualTLSAuthentication(
                truststoreUri: "s3://truststore/ca.pem", truststoreVersion: "3"),
            routingMode: .routingRuleThenAPIMapping, tags: ["team": "edge"],
            createdDate: Timestamp(millisecondsSinceEpoch: 1_700_000_000_006))
        var apiMapping = APIMapping(
            id: APIMappingID(uncheckedRawValue: "map001"),
            domainName: DomainNameID(uncheckedRawValue: "api.example.com"),
            apiID: APIID(uncheckedRawValue: "roundtrip1"), stage: StageName(uncheckedRawValue: "prod"), key: "v1/items")

        var webSocketAPI = API(
            id: APIID(uncheckedRawValue: "roundtrip2"), name: "chat", protocolType: .websocket,
            routeSelectionExpression: "$request.body.action", createdDate: Timestamp(millisecondsSinceEpoch: 1))
        var webSocketIntegration = Integration(
            id: IntegrationID(uncheckedRawValue: "integr2"), apiID: APIID(uncheckedRawValue: "roundtrip2"),
            integrationType: .mock, payloadFormatVersion: "1.0", timeoutInMillis: 29_000)
        var webSocketRoute = Route(
            id: RouteID(uncheckedRawValue: "route02"), apiID: APIID(uncheckedRawValue: "roundtrip2"),
            routeKey: RouteKey(stored: "sendmessage", protocolType: .websocket))
        var model = Model(
            id: ModelID(uncheckedRawValue: "model01"), apiID: APIID(uncheckedRawValue: "roundtrip2"), name: "Message",
            schema: #"{"type":"object"}"#, contentType: "application/json", description: "a message")
        var routeResponse = RouteResponse(
            id: RouteResponseID(uncheckedRawValue: "rresp01"), apiID: APIID(uncheckedRawValue: "roundtrip2"),
            routeID: RouteID(uncheckedRawValue: "route02"), key: "$default", modelSelectionExpression: "$default",
            responseModels: ["$default": "Message"],
            responseParameters: ["route.response.header.x": ParameterConstraints(required: true)])
        var integrationResponse = IntegrationResponse(
            id: IntegrationResponseID(uncheckedRawValue: "iresp01"), apiID: APIID(uncheckedRawValue: "roundtrip2"),
            integrationID: IntegrationID(uncheckedRawValue: "integr2"), key: "/2\\d\\d/",
            templateSelectionExpression: "\\$default", responseTemplates: ["$default": "{}"],
            contentHandlingStrategy: .convertToText, responseParameters: ["method.response.header.x": "'y'"])

        /// Every entity, for the member check.
        var all: [Any] {
            [
                link, api, deployment, authorizer, integration, route, stage, domainName, apiMapping, model,
                routeResponse,
                integrationResponse,
            ]
        }

        /// Writes every entity through the store port.
        func insert(into store: SQLiteRegistryStore) async throws {
            let entities = self
            try await store.write { registry throws(RegistryError) in
                try registry.record(
                    "RoundTrip", .api, entities.api.id.rawValue, in: .api(entities.api.id), at: Sample.epoch)
                try registry.insert(entities.link)
                try registry.insert(entities.api)
                try registry.insert(entities.deployment)
                try registry.insert(entities.authorizer)
                try registry.insert(entities.integration)
                try registry.insert(entities.route)
                try registry.insert(entities.stage)
                try registry.insert(entities.domainName)
                try registry.insert(entities.apiMapping)
                try registry.insert(entities.webSocketAPI)
                try registry.insert(entities.webSocketIntegration)
                try registry.insert(entities.webSocketRoute)
                try registry.insert(entities.model)
                try registry.insert(entities.routeResponse)
                try registry.insert(entities.integrationResponse)
            }
        }

        /// Reads every entity back by its key.
        static func read(like entities: Entities, from store: SQLiteRegistryStore) async throws -> Entities {
            let apiID = entities.api.id
            let found = try await store.read { registry throws(RegistryError) in
                (
                    try registry.vpcLink(entities.link.id), try registry.api(apiID),
                    try registry.deployment(entities.deployment.id, in: apiID),
                    try registry.authorizer(entities.authorizer.id, in: apiID),
                    try registry.integration(entities.integration.id, in: apiID),
                    try registry.route(entities.route.id, in: apiID),
                    try registry.stage(entities.stage.name, in: apiID),
                    try registry.domainName(entities.domainName.name),
                    try registry.apiMapping(entities.apiMapping.id, on: entities.domainName.name),
                    try registry.model(entities.model.id, in: entities.webSocketAPI.id),
                    try registry.routeResponse(entities.routeResponse.id, of: entities.webSocketRoute.id),
                    try registry.integrationResponse(
                        entities.integrationResponse.id, of: entities.webSocketIntegration.id)
                )
            }
            var read = entities
            read.link = try #require(found.0)
            read.api = try #require(found.1)
            read.deployment = try #require(found.2)
            read.authorizer = try #require(found.3)
            read.integration = try #require(found.4)
            read.route = try #require(found.5)
            read.stage = try #require(found.6)
            read.domainName = try #require(found.7)
            read.apiMapping = try #require(found.8)
            read.model = try #require(found.9)
            read.routeResponse = try #require(found.10)
            read.integrationResponse = try #require(found.11)
            return read
        }
    }

    @Test("every member of every entity is stored and read back as it was")
    func everyMemberRoundTrips() async throws {
        let fixture = try StoreFixture()
        let entities = Entities()
        for entity in entities.all { #expect(unfilledMembers(of: entity) == [], "\(type(of: entity))") }
        try await entities.insert(into: fixture.store)
        let read = try await Entities.read(like: entities, from: fixture.store)
        #expect(read.link == entities.link)
        #expect(read.api == entities.api)
        #expect(read.deployment == entities.deployment)
        #expect(read.authorizer == entities.authorizer)
        #expect(read.integration == entities.integration)
        #expect(read.route == entities.route)
        #expect(read.stage == entities.stage)
        #expect(read.domainName == entities.domainName)
        #expect(read.apiMapping == entities.apiMapping)
        #expect(read.model == entities.model)
        #expect(read.routeResponse == entities.routeResponse)
        #expect(read.integrationResponse == entities.integrationResponse)
    }

    @Test("an update writes every member that can change, and keeps the key and what is written once")
    func updatesWriteEveryMutableMember() async throws {
        let fixture = try StoreFixture()
        let original = Entities()
        try await original.insert(into: fixture.store)
        var changed = original
        let later = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
        changed.link.name = "renamed"
        changed.link.subnetIDs = ["subnet-4567abcd"]  // immutable: an update keeps the original
        changed.link.createdDate = later
        changed.api.name = "renamed"
        changed.api.description = "changed"
        changed.api.corsConfiguration = CorsConfiguration(allowOrigins: ["*"])
        changed.api.disableExecuteApiEndpoint = false
        changed.api.version = "2"
        changed.api.ipAddressType = .ipv4
        changed.api.createdDate = later  // immutable
        changed.deployment.description = "second"
        changed.deployment.autoDeployed = false  // immutable
        changed.authorizer.name = "renamed"
        changed.authorizer.identitySource = ["$request.header.X-Token"]
        changed.authorizer.authorizerResultTTLInSeconds = 0
        changed.authorizer.enableSimpleResponses = false
        changed.integration.integrationMethod = "GET"
        changed.integration.timeoutInMillis = 29_000
        changed.integration.requestParameters = ["overwrite:path": "/v2"]
        changed.integration.tlsConfig = nil
        changed.integration.description = nil
        changed.route.routeKey = RouteKey(stored: "POST /items", protocolType: .http)
        changed.route.operationName = "createItem"
        changed.route.authorizationScopes = ["write"]
        changed.route.apiKeyRequired = false
        changed.stage.description = "changed"
        changed.stage.autoDeploy = false
        changed.stage.stageVariables = ["backend": "other.example.com"]
        changed.stage.lastUpdatedDate = later
        changed.stage.createdDate = later  // immutable
        changed.domainName.configuration.certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/new"
        changed.domainName.configuration.certificateName = nil
        changed.domainName.configuration.ipAddressType = .ipv4
        changed.domainName.mutualTLSAuthentication = nil
        changed.domainName.configuration.ownershipVerificationCertificateArn = nil
        changed.domainName.routingMode = .apiMappingOnly
        changed.domainName.endpointID = "d-zzzzzzzzzz"  // immutable
        changed.domainName.createdDate = later  // immutable
        changed.apiMapping.key = "v2"
        changed.model.schema = #"{"type":"array"}"#
        changed.model.description = nil
        changed.routeResponse.responseModels = nil
        changed.routeResponse.modelSelectionExpression = nil
        changed.integrationResponse.responseTemplates = ["$default": "[]"]
        changed.integrationResponse.contentHandlingStrategy = nil
        let update = changed
        try await fixture.store.write { registry throws(RegistryError) in
            try registry.record("RoundTrip", .api, update.api.id.rawValue, in: .api(update.api.id), at: Sample.epoch)
            try registry.update(update.link)
            try registry.update(update.api)
            try registry.update(update.deployment)
            try registry.update(update.authorizer)
            try registry.update(update.integration)
            try registry.update(update.route)
            try registry.update(update.stage)
            try registry.update(update.domainName)
            try registry.update(update.apiMapping)
            try registry.update(update.model)
            try registry.update(update.routeResponse)
            try registry.update(update.integrationResponse)
        }
        var expected = changed
        expected.link.subnetIDs = original.link.subnetIDs
        expected.link.createdDate = original.link.createdDate
        expected.api.createdDate = original.api.createdDate
        expected.deployment.autoDeployed = original.deployment.autoDeployed
        expected.stage.createdDate = original.stage.createdDate
        expected.domainName.endpointID = original.domainName.endpointID
        expected.domainName.createdDate = original.domainName.createdDate
        let read = try await Entities.read(like: original, from: fixture.store)
        #expect(read.link == expected.link)
        #expect(read.api == expected.api)
        #expect(read.deployment == expected.deployment)
        #expect(read.authorizer == expected.authorizer)
        #expect(read.integration == expected.integration)
        #expect(read.route == expected.route)
        #expect(read.stage == expected.stage)
        #expect(read.domainName == expected.domainName)
        #expect(read.apiMapping == expected.apiMapping)
        #expect(read.model == expected.model)
        #expect(read.routeResponse == expected.routeResponse)
        #expect(read.integrationResponse == expected.integrationResponse)
    }
}
