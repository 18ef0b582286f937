import RegistryTestSupport
import Testing

@testable import RegistryDomain

/// The rules on an API's own members (`API.checkRules`) and on UpdateApi (`API.apply`).
@Suite("API rules")
struct APIRuleTests {
    static let httpCases: [RuleCase<API>] = [
        RuleCase("unchanged", nil) { _ in },
        RuleCase("name of 128 characters", nil) { $0.name = String(repeating: "n", count: 128) },
        RuleCase("name of 129 characters", .badRequest) { $0.name = String(repeating: "n", count: 129) },
        RuleCase("empty name", .badRequest) { $0.name = "" },
        RuleCase("name with NUL", .badRequest) { $0.name = "a\u{0}b" },
        RuleCase("description of 1024", nil) { $0.description = String(repeating: "d", count: 1024) },
        RuleCase("description of 1025", .badRequest) { $0.description = String(repeating: "d", count: 1025) },
        RuleCase("empty description", nil) { $0.description = "" },
        RuleCase("version of 64", nil) { $0.version = String(repeating: "v", count: 64) },
        RuleCase("version of 65", .badRequest) { $0.version = String(repeating: "v", count: 65) },
        RuleCase("empty version", .badRequest) { $0.version = "" },
        RuleCase("other route selection", .badRequest) { $0.routeSelectionExpression = "$request.body.action" },
        RuleCase("empty API key selection", .badRequest) { $0.apiKeySelectionExpression = "" },
        RuleCase("disableSchemaValidation", .badRequest) { $0.disableSchemaValidation = true },
        RuleCase("CORS", nil) { $0.corsConfiguration = CorsConfiguration(allowOrigins: ["*"], maxAge: 86_400) },
        RuleCase("CORS maxAge -1", nil) { $0.corsConfiguration = CorsConfiguration(maxAge: -1) },
        RuleCase("CORS maxAge -2", .badRequest) { $0.corsConfiguration = CorsConfiguration(maxAge: -2) },
        RuleCase("CORS maxAge 86401", .badRequest) { $0.corsConfiguration = CorsConfiguration(maxAge: 86_401) },
        RuleCase("credentials with origin *", .badRequest) {
            $0.corsConfiguration = CorsConfiguration(allowCredentials: true, allowOrigins: ["https://a.example", "*"])
        },
        RuleCase("credentials with named origin", nil) {
            $0.corsConfiguration = CorsConfiguration(allowCredentials: true, allowOrigins: ["https://a.example"])
        },
        RuleCase("50 tags", nil) { $0.tags = Sample.tags(50) },
        RuleCase("51 tags", .badRequest) { $0.tags = Sample.tags(51) },
        RuleCase("tag key aws:", .badRequest) { $0.tags = ["aws:owner": "x"] },
        RuleCase("tag key AWS:", .badRequest) { $0.tags = ["AWS:owner": "x"] },
        RuleCase("empty tag key", .badRequest) { $0.tags = ["": "x"] },
        RuleCase("tag key of 129", .badRequest) { $0.tags = [String(repeating: "k", count: 129): "x"] },
        RuleCase("tag value of 1600", nil) { $0.tags = ["k": String(repeating: "v", count: 1600)] },
        RuleCase("tag value of 1601", .badRequest) { $0.tags = ["k": String(repeating: "v", count: 1601)] },
    ]

    @Test("HTTP API member rules", arguments: httpCases)
    func httpAPI(_ row: RuleCase<API>) {
        let api = row.applied(to: Sample.httpAPI)
        expectOutcome(row.expected) { () throws(RegistryError) in try api.checkRules() }
    }

    static let webSocketCases: [RuleCase<API>] = [
        RuleCase("unchanged", nil) { _ in },
        RuleCase("${request.body.action}", nil) { $0.routeSelectionExpression = "${request.body.action}" },
        RuleCase("selection from the context", .badRequest) { $0.routeSelectionExpression = "$context.routeKey" },
        RuleCase("selection not from the request", .badRequest) { $0.routeSelectionExpression = "action" },
        RuleCase("empty selection", .badRequest) { $0.routeSelectionExpression = "" },
        RuleCase("disableSchemaValidation", nil) { $0.disableSchemaValidation = true },
        RuleCase("CORS", .badRequest) { $0.corsConfiguration = CorsConfiguration(allowOrigins: ["*"]) },
    ]

    @Test("WebSocket API member rules", arguments: webSocketCases)
    func webSocketAPI(_ row: RuleCase<API>) {
        let api = row.applied(to: Sample.webSocketAPI)
        expectOutcome(row.expected) { () throws(RegistryError) in try api.checkRules() }
    }

    @Test("UpdateApi cannot change the protocol")
    func updateRefusals() {
        var api = Sample.httpAPI
        expectRegistryError(.badRequest) { () throws(RegistryError) in try api.apply(APIInput(protocolType: .websocket))
        }
        #expect(api == Sample.httpAPI)
    }

    @Test("UpdateApi changes only the members given")
    func updateApplies() throws {
        var api = Sample.httpAPI
        try api.apply(APIInput(name: "renamed", protocolType: .http, description: "d", version: "2"))
        #expect(api.name == "renamed")
        #expect(api.description == "d")
        #expect(api.version == "2")
        #expect(api.routeSelectionExpression == Sample.httpAPI.routeSelectionExpression)
        #expect(api.ipAddressType == .ipv4)
    }

    @Test("the default endpoint follows the protocol")
    func endpoint() {
        #expect(
            Sample.httpAPI.endpoint(region: "eu-west-1") == "https://httpapi001.execute-api.eu-west-1.amazonaws.com")
        #expect(
            Sample.webSocketAPI.endpoint(region: "us-east-1") == "wss://wsapi00001.execute-api.us-east-1.amazonaws.com")
    }
}

/// The rules on a VPC link's members (`VpcLink.checkRules`).
@Suite("VPC link rules")
struct VpcLinkRuleTests {
    static let valid = VpcLink(
        id: VpcLinkID(uncheckedRawValue: "link001"), name: "private", subnetIDs: ["subnet-0123abcd"],
        securityGroupIDs: ["sg-0123abcd"], createdDate: Sample.epoch)

    static let cases: [RuleCase<VpcLink>] = [
        RuleCase("unchanged", nil) { _ in },
        RuleCase("17-digit subnet", nil) { $0.subnetIDs = ["subnet-0123456789abcdef0"] },
        RuleCase("two subnets", nil) { $0.subnetIDs = ["subnet-0123abcd", "subnet-4567abcd"] },
        RuleCase("no security groups", nil) { $0.securityGroupIDs = [] },
        RuleCase("no subnets", .badRequest) { $0.subnetIDs = [] },
        RuleCase("three subnets (quota 2)", .tooManyRequests) {
            $0.subnetIDs = ["subnet-0123abcd", "subnet-4567abcd", "subnet-89abcdef"]
        },
        RuleCase("subnet of 7 digits", .badRequest) { $0.subnetIDs = ["subnet-0123abc"] },
        RuleCase("subnet of 9 digits", .badRequest) { $0.subnetIDs = ["subnet-0123abcde"] },
        RuleCase("subnet with uppercase hex", .badRequest) { $0.subnetIDs = ["subnet-0123ABCD"] },
        RuleCase("subnet with non-hex", .badRequest) { $0.subnetIDs = ["subnet-xyz12345"] },
        RuleCase("subnet without prefix", .badRequest) { $0.subnetIDs = ["0123abcd"] },
        RuleCase("security group as subnet", .badRequest) { $0.subnetIDs = ["sg-0123abcd"] },
        RuleCase("bad security group", .badRequest) { $0.securityGroupIDs = ["sg-123"] },
        RuleCase("repeated subnet", .badRequest) { $0.subnetIDs = ["subnet-0123abcd", "subnet-0123abcd"] },
        RuleCase("repeated security group", .badRequest) { $0.securityGroupIDs = ["sg-0123abcd", "sg-0123abcd"] },
        RuleCase("empty name", .badRequest) { $0.name = "" },
        RuleCase("name of 129", .badRequest) { $0.name = String(repeating: "n", count: 129) },
        RuleCase("51 tags", .badRequest) { $0.tags = Sample.tags(51) },
    ]

    @Test("VPC link member rules", arguments: cases)
    func rules(_ row: RuleCase<VpcLink>) {
        let link = row.applied(to: Self.valid)
        let error = expectOutcomeReturning(row.expected) { () throws(RegistryError) in
            try link.checkRules(quotas: Quotas(subnetsPerVpcLink: 2))
        }
        if row.expected == .tooManyRequests { #expect(error?.limitType == "SubnetsPerVpcLink") }
    }

    /// Like ``expectOutcome(_:sourceLocation:_:)``, returning the refusal.
    private func expectOutcomeReturning(
        _ expected: RegistryError.Code?, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () throws(RegistryError) -> Void
    ) -> RegistryError? {
        guard let expected else {
            expectAccepted(sourceLocation: sourceLocation, body)
            return nil
        }
        return expectRegistryError(expected, sourceLocation: sourceLocation, body)
    }
}

/// The rules on an authorizer for its API (`Authorizer.checkRules(in:)`).
@Suite("Authorizer rules")
struct AuthorizerRuleTests {
    static let jwt = Authorizer(
        id: AuthorizerID(uncheckedRawValue: "auth001"), apiID: Sample.httpAPI.id, name: "cognito",
        authorizerType: .jwt, identitySource: ["$request.header.Authorization"],
        jwtConfiguration: JWTConfiguration(
            audience: ["client"], issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc"))

    static let request = Authorizer(
        id: AuthorizerID(uncheckedRawValue: "auth002"), apiID: Sample.httpAPI.id, name: "lambda",
        authorizerType: .request, identitySource: ["$request.header.Authorization"],
        authorizerURI: Sample.invocation, authorizerPayloadFormatVersion: "2.0")

    static let jwtCases: [RuleCase<Authorizer>] = [
        RuleCase("unchanged", nil) { _ in },
        RuleCase("two identity sources", .badRequest) { $0.identitySource.append("$request.header.X") },
        RuleCase("no identity source", .badRequest) { $0.identitySource = [] },
        RuleCase("http issuer", .badRequest) { $0.jwtConfiguration?.issuer = "http://issuer.example" },
        RuleCase("bare https:// issuer", .badRequest) { $0.jwtConfiguration?.issuer = "https://" },
        RuleCase("no issuer", .badRequest) { $0.jwtConfiguration?.issuer = nil },
        RuleCase("no configuration", .badRequest) { $0.jwtConfiguration = nil },
        RuleCase("empty audience", .badRequest) { $0.jwtConfiguration?.audience = [] },
        RuleCase("no audience", .badRequest) { $0.jwtConfiguration?.audience = nil },
        RuleCase("authorizerUri", .badRequest) { $0.authorizerURI = Sample.invocation },
        RuleCase("payload format", .badRequest) { $0.authorizerPayloadFormatVersion = "2.0" },
        RuleCase("simple responses", .badRequest) { $0.enableSimpleResponses = true },
        RuleCase("TTL 3600", nil) { $0.authorizerResultTTLInSeconds = 3600 },
        RuleCase("TTL 3601", .badRequest) { $0.authorizerResultTTLInSeconds = 3601 },
        RuleCase("TTL -1", .badRequest) { $0.authorizerResultTTLInSeconds = -1 },
        RuleCase("empty name", .badRequest) { $0.name = "" },
        RuleCase("empty identity source text", .badRequest) { $0.identitySource = [""] },
        RuleCase("query string source", nil) { $0.identitySource = ["$request.querystring.token"] },
        RuleCase("context source", .badRequest) { $0.identitySource = ["$context.authorizer.token"] },
        RuleCase("stage variable source", .badRequest) { $0.identitySource = ["$stageVariables.token"] },
        RuleCase("header prefix without a name", .badRequest) { $0.identitySource = ["$request.header."] },
        RuleCase("header without $", .badRequest) { $0.identitySource = ["request.header.Authorization"] },
        RuleCase("WebSocket form", .badRequest) { $0.identitySource = ["route.request.header.Authorization"] },
    ]

    @Test("JWT authorizer rules on an HTTP API", arguments: jwtCases)
    func jwtRules(_ row: RuleCase<Authorizer>) {
        let authorizer = row.applied(to: Self.jwt)
        expectOutcome(row.expected) { () throws(RegistryError) in try authorizer.checkRules(in: Sample.httpAPI) }
    }

    static let requestCases: [RuleCase<Authorizer>] = [
        RuleCase("unchanged", nil) { _ in },
        RuleCase("payload 1.0", nil) { $0.authorizerPayloadFormatVersion = "1.0" },
        RuleCase("payload 3.0", .badRequest) { $0.authorizerPayloadFormatVersion = "3.0" },
        RuleCase("no payload format", .badRequest) { $0.authorizerPayloadFormatVersion = nil },
        RuleCase("simple responses on 2.0", nil) { $0.enableSimpleResponses = true },
        RuleCase("simple responses on 1.0", .badRequest) {
            $0.authorizerPayloadFormatVersion = "1.0"
            $0.enableSimpleResponses = true
        },
        RuleCase("no authorizerUri", .badRequest) { $0.authorizerURI = nil },
        RuleCase("function ARN as authorizerUri", .badRequest) { $0.authorizerURI = Sample.function },
        RuleCase("URL as authorizerUri", .badRequest) { $0.authorizerURI = "https://auth.example" },
        RuleCase("JWT configuration", .badRequest) { $0.jwtConfiguration = JWTConfiguration(audience: ["a"]) },
        RuleCase("two identity sources", nil) { $0.identitySource.append("$request.querystring.token") },
        RuleCase("context and stage variable sources", nil) {
            $0.identitySource = ["$context.requestId", "$stageVariables.tenant"]
        },
        RuleCase("no identity source, no TTL", nil) { $0.identitySource = [] },
        RuleCase("no identity source, TTL 0", nil) {
            $0.identitySource = []
            $0.authorizerResultTTLInSeconds = 0
        },
        RuleCase("no identity source, TTL 300", .badRequest) {
            $0.identitySource = []
            $0.authorizerResultTTLInSeconds = 300
        },
        RuleCase("identity source, TTL 300", nil) { $0.authorizerResultTTLInSeconds = 300 },
        RuleCase("header name with a space", .badRequest) { $0.identitySource = ["$request.header.X Y"] },
        RuleCase("method.request form", .badRequest) { $0.identitySource = ["method.request.header.Authorization"] },
        RuleCase("WebSocket form", .badRequest) { $0.identitySource = ["route.request.header.Authorization"] },
    ]

    @Test("REQUEST authorizer rules on an HTTP API", arguments: requestCases)
    func requestRules(_ row: RuleCase<Authorizer>) {
        let authorizer = row.applied(to: Self.request)
        expectOutcome(row.expected) { () throws(RegistryError) in try authorizer.checkRules(in: Sample.httpAPI) }
    }

    static let webSocketRequest = Authorizer(
        id: AuthorizerID(uncheckedRawValue: "auth003"), apiID: Sample.webSocketAPI.id, name: "lambda",
        authorizerType: .request, identitySource: ["route.request.header.Authorization"],
        authorizerURI: Sample.invocation)

    static let webSocketCases: [RuleCase<Authorizer>] = [
        RuleCase("REQUEST", nil) { _ in },
        RuleCase("REQUEST with payload format", .badRequest) { $0.authorizerPayloadFormatVersion = "1.0" },
        RuleCase("REQUEST with simple responses", .badRequest) { $0.enableSimpleResponses = false },
        RuleCase("JWT", .badRequest) { $0 = AuthorizerRuleTests.jwt },
        RuleCase("query string, stage variable and context sources", nil) {
            $0.identitySource = ["route.request.querystring.token", "stageVariables.tenant", "context.routeKey"]
        },
        RuleCase("no identity source", nil) { $0.identitySource = [] },
        RuleCase("HTTP form", .badRequest) { $0.identitySource = ["$request.header.Authorization"] },
        RuleCase("TTL 0", .badRequest) { $0.authorizerResultTTLInSeconds = 0 },
        RuleCase("TTL 300", .badRequest) { $0.authorizerResultTTLInSeconds = 300 },
    ]

    @Test("authorizer rules on a WebSocket API", arguments: webSocketCases)
    func webSocketRules(_ row: RuleCase<Authorizer>) {
        let authorizer = row.applied(to: Self.webSocketRequest)
        expectOutcome(row.expected) { () throws(RegistryError) in try authorizer.checkRules(in: Sample.webSocketAPI) }
    }

    @Test("an update applies only the members given")
    func apply() {
        var authorizer = Self.jwt
        authorizer.apply(AuthorizerInput(name: "renamed", authorizerResultTtlInSeconds: 60))
        #expect(authorizer.name == "renamed")
        #expect(authorizer.authorizerResultTTLInSeconds == 60)
        #expect(authorizer.jwtConfiguration == Self.jwt.jwtConfiguration)
    }
}

/// Route target syntax and the route members that need no other entity.
@Suite("Route members")
struct RouteMemberTests {
    @Test("a target is integrations/{id}")
    func target() throws {
        #expect(try Route.parseTarget("integrations/abc1234") == IntegrationID(uncheckedRawValue: "abc1234"))
    }

    @Test(
        "other target forms are refused",
        arguments: [
            "abc1234", "integrations/", "integrations/ABC1234", "integrations/a/b", "integration/abc1234",
            "/integrations/abc1234", "integrations/../x", "",
        ])
    func badTarget(text: String) {
        expectRegistryError(.badRequest) { () throws(RegistryError) in try Route.parseTarget(text) }
    }

    @Test("the wire target is integrations/{id}")
    func targetString() throws {
        let key = try RouteKey(parsing: "GET /", protocolType: .http)
        var route = Route(id: RouteID(uncheckedRawValue: "r000001"), apiID: Sample.httpAPI.id, routeKey: key)
        #expect(route.targetString == nil)
        route.target = IntegrationID(uncheckedRawValue: "abc1234")
        #expect(route.targetString == "integrations/abc1234")
    }

    @Test("an authorizer id that cannot name an authorizer is not found")
    func badAuthorizerID() throws {
        let key = try RouteKey(parsing: "GET /", protocolType: .http)
        var route = Route(id: RouteID(uncheckedRawValue: "r000001"), apiID: Sample.httpAPI.id, routeKey: key)
        expectRegistryError(.notFound) { () throws(RegistryError) in
            try route.apply(RouteInput(authorizationType: .jwt, authorizerId: "../etc"), protocolType: .http)
        }
    }

    @Test("switching to NONE clears the authorizer")
    func noneClearsAuthorizer() throws {
        let key = try RouteKey(parsing: "GET /", protocolType: .http)
        var route = Route(
            id: RouteID(uncheckedRawValue: "r000001"), apiID: Sample.httpAPI.id, routeKey: key,
            authorizationType: .jwt, authorizerID: AuthorizerID(uncheckedRawValue: "auth001"))
        try route.apply(RouteInput(authorizationType: AuthorizationType.none), protocolType: .http)
        #expect(route.authorizerID == nil)
        #expect(route.authorizationType == .none)
    }
}

/// The defaults AWS fills in on integrations.
@Suite("Integration defaults")
struct IntegrationDefaultTests {
    static func integration(_ type: IntegrationType, subtype: String? = nil) -> Integration {
        Integration(
            id: IntegrationID(uncheckedRawValue: "int0001"), apiID: Sample.httpAPI.id, integrationType: type,
            integrationSubtype: subtype, timeoutInMillis: 30_000)
    }

    @Test(
        "defaults per protocol and type",
        arguments: [
            (ProtocolType.http, IntegrationType.awsProxy, nil as String?, nil as String?, "POST" as String?),
            (.http, .httpProxy, nil, "1.0", nil),
            (.websocket, .awsProxy, nil, "1.0", "POST"),
            (.websocket, .mock, nil, "1.0", nil),
            (.http, .awsProxy, "SQS-SendMessage", "1.0", nil),
        ])
    func defaults(
        protocolType: ProtocolType, type: IntegrationType, subtype: String?, payload: String?, method: String?
    ) {
        var integration = Self.integration(type, subtype: subtype)
        integration.applyDefaults(for: protocolType)
        #expect(integration.payloadFormatVersion == payload)
        #expect(integration.integrationMethod == method)
    }

    @Test("given values are kept")
    func kept() {
        var integration = Self.integration(.awsProxy)
        integration.payloadFormatVersion = "2.0"
        integration.integrationMethod = "GET"
        integration.applyDefaults(for: .http)
        #expect(integration.payloadFormatVersion == "2.0")
        #expect(integration.integrationMethod == "GET")
    }

    @Test("default timeouts are 30 s for HTTP and 29 s for WebSocket")
    func timeouts() {
        #expect(Integration.defaultTimeout(for: .http) == 30_000)
        #expect(Integration.defaultTimeout(for: .websocket) == 29_000)
    }

    @Test("a connection id that cannot name a VPC link is not found")
    func badConnectionID() {
        var integration = Self.integration(.httpProxy)
        expectRegistryError(.notFound) { () throws(RegistryError) in
            try integration.apply(IntegrationInput(connectionType: .vpcLink, connectionId: "BAD ID"))
        }
    }

    @Test("switching to INTERNET drops the VPC link")
    func internetDropsLink() throws {
        var integration = Self.integration(.httpProxy)
        integration.connectionType = .vpcLink
        integration.connectionID = VpcLinkID(uncheckedRawValue: "link001")
        try integration.apply(IntegrationInput(connectionType: .internet))
        #expect(integration.connectionID == nil)
    }
}
