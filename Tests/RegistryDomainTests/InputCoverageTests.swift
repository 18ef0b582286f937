import RegistryTestSupport
import Testing

@testable import RegistryDomain

/// Every member a request may set reaches the entity: an input with every member filled, applied to
/// an entity with nothing optional set, leaves no member of the entity unset (but those a request
/// never sets, named per entity). A member added to an entity and its input but not to `apply`
/// fails here; so does one added to the entity but not to its input, once the fixture must fill it.
@Suite("Inputs reach their entities")
struct InputCoverageTests {
    static let epoch = Sample.epoch
    static let routeSettings = RouteSettings(
        dataTraceEnabled: true, detailedMetricsEnabled: false, loggingLevel: .info, throttlingBurstLimit: 1,
        throttlingRateLimit: 0.5)

    @Test func routeInput() throws {
        let input = RouteInput(
            routeKey: "GET /items/{id}", target: "integrations/abcdefg", authorizationType: .jwt,
            authorizerId: "bcdefgh", authorizationScopes: ["read"], apiKeyRequired: true, operationName: "getItem",
            modelSelectionExpression: "$request.body.type", routeResponseSelectionExpression: "$default",
            requestModels: ["$default": "Item"],
            requestParameters: ["route.request.header.x": ParameterConstraints(required: true)])
        #expect(unfilledMembers(of: input) == [])
        var route = Route(
            id: RouteID(uncheckedRawValue: "route01"), apiID: Sample.httpAPI.id,
            routeKey: RouteKey(stored: "$default", protocolType: .http))
        try route.apply(input, protocolType: .http)
        #expect(unfilledMembers(of: route) == [])
    }

    @Test func integrationInput() throws {
        let input = IntegrationInput(
            integrationType: .httpProxy, integrationUri: Sample.albListener, integrationMethod: "ANY",
            integrationSubtype: "SQS-SendMessage", connectionType: .vpcLink, connectionId: "abcdefg",
            payloadFormatVersion: "1.0", timeoutInMillis: 1000, description: "d",
            credentialsArn: "arn:aws:iam::123456789012:role/r", requestParameters: ["a": "b"],
            requestTemplates: ["application/json": "{}"], responseParameters: ["200": ["a": "b"]],
            templateSelectionExpression: "t", passthroughBehavior: .never, contentHandlingStrategy: .convertToText,
            tlsConfig: TLSConfig(serverNameToVerify: "example.com"))
        #expect(unfilledMembers(of: input) == [])
        var integration = Integration(
            id: IntegrationID(uncheckedRawValue: "integr1"), apiID: Sample.httpAPI.id, integrationType: .awsProxy,
            timeoutInMillis: 30_000)
        try integration.apply(input)
        #expect(unfilledMembers(of: integration) == [])
    }

    @Test func authorizerInput() {
        let input = AuthorizerInput(
            name: "n", authorizerType: .request, identitySource: ["$request.header.Authorization"],
            jwtConfiguration: JWTConfiguration(audience: ["a"], issuer: "https://issuer.example"),
            authorizerUri: Sample.invocation, authorizerPayloadFormatVersion: "2.0", authorizerResultTtlInSeconds: 0,
            enableSimpleResponses: true, authorizerCredentialsArn: "arn:aws:iam::123456789012:role/r",
            identityValidationExpression: ".*")
        #expect(unfilledMembers(of: input) == [])
        var authorizer = Authorizer(
            id: AuthorizerID(uncheckedRawValue: "author1"), apiID: Sample.httpAPI.id, name: "old",
            authorizerType: .jwt, identitySource: [])
        authorizer.apply(input)
        #expect(unfilledMembers(of: authorizer) == [])
    }

    @Test("stage input (tags are set when the stage is created, the deployment message by deployments)")
    func stageInput() throws {
        let input = StageInput(
            stageName: "prod", description: "d", deploymentId: "abcdefg", autoDeploy: true,
            stageVariables: ["a": "b"], defaultRouteSettings: Self.routeSettings,
            routeSettings: ["$default": Self.routeSettings],
            accessLogSettings: AccessLogSettings(destinationArn: "arn:aws:logs:us-east-1:1:log-group:g", format: "f"),
            clientCertificateId: "c", tags: ["a": "b"])
        #expect(unfilledMembers(of: input) == [])
        var stage = Stage(
            apiID: Sample.httpAPI.id, name: StageName(uncheckedRawValue: "prod"), createdDate: Self.epoch,
            lastUpdatedDate: Self.epoch)
        try stage.apply(input)
        #expect(unfilledMembers(of: stage) == ["tags", "lastDeploymentStatusMessage"])
    }

    @Test("API input (quick create's target, routeKey and credentialsArn, and tags, are for CreateApi only)")
    func apiInput() throws {
        let input = APIInput(
            name: "n", protocolType: .http, description: "d",
            routeSelectionExpression: "${request.method} ${request.path}",
            apiKeySelectionExpression: "$request.header.x-api-key",
            corsConfiguration: CorsConfiguration(
                allowCredentials: true, allowHeaders: ["a"], allowMethods: ["GET"], allowOrigins: ["https://a"],
                exposeHeaders: ["b"], maxAge: 1),
            disableExecuteApiEndpoint: true, disableSchemaValidation: false, version: "1", ipAddressType: .dualstack)
        var api = API(
            id: Sample.httpAPI.id, name: "old", protocolType: .http,
            routeSelectionExpression: API.httpRouteSelectionExpression, createdDate: Self.epoch)
        try api.apply(input)
        #expect(unfilledMembers(of: api) == ["tags"])
        let createOnly = Set(unfilledMembers(of: input))
        #expect(createOnly == ["tags", "target", "routeKey", "credentialsArn"])
    }

    @Test("domain name input (the name and tags are for CreateDomainName only)")
    func domainNameInput() throws {
        let input = DomainNameInput(
            domainName: "api.example.com",
            domainNameConfigurations: [
                DomainNameConfiguration(
                    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/a", certificateName: "c",
                    endpointType: .regional, securityPolicy: .tls12,
                    ownershipVerificationCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/o",
                    ipAddressType: .dualstack)
            ],
            mutualTlsAuthentication: MutualTLSAuthentication(truststoreUri: "s3://b/k", truststoreVersion: "1"),
            routingMode: .routingRuleOnly, tags: ["a": "b"])
        var domainName = DomainName(
            name: DomainNameID(uncheckedRawValue: "api.example.com"), endpointID: "d-0123456789",
            configuration: DomainNameConfiguration(), createdDate: Self.epoch)
        try domainName.apply(input)
        #expect(unfilledMembers(of: domainName) == ["tags"])
        #expect(unfilledMembers(of: domainName.configuration) == [])
        #expect(domainName.routingMode == .routingRuleOnly)
        #expect(unfilledMembers(of: input) == [])
    }

    @Test("model, route response and integration response inputs")
    func webSocketInputs() {
        var model = Model(id: ModelID(uncheckedRawValue: "m1"), apiID: Sample.webSocketAPI.id, name: "n", schema: "{}")
        model.apply(
            ModelInput(name: "N", schema: #"{"type":"object"}"#, contentType: "application/json", description: "d"))
        #expect(unfilledMembers(of: model) == [])
        var routeResponse = RouteResponse(
            id: RouteResponseID(uncheckedRawValue: "r1"), apiID: Sample.webSocketAPI.id,
            routeID: RouteID(uncheckedRawValue: "r2"), key: "k")
        routeResponse.apply(
            RouteResponseInput(
                routeResponseKey: "$default", modelSelectionExpression: "$default", responseModels: ["$default": "N"],
                responseParameters: ["route.response.header.x": ParameterConstraints(required: true)]))
        #expect(unfilledMembers(of: routeResponse) == [])
        var integrationResponse = IntegrationResponse(
            id: IntegrationResponseID(uncheckedRawValue: "i1"), apiID: Sample.webSocketAPI.id,
            integrationID: IntegrationID(uncheckedRawValue: "i2"), key: "k")
        integrationResponse.apply(
            IntegrationResponseInput(
                integrationResponseKey: "$default", templateSelectionExpression: "\\$default",
                responseTemplates: ["$default": "{}"], contentHandlingStrategy: .convertToText,
                responseParameters: ["method.response.header.x": "'y'"]))
        #expect(unfilledMembers(of: integrationResponse) == [])
    }
}
