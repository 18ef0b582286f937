import Foundation
import RegistryTestSupport
import Testing

@testable import RegistryApp
@testable import RegistryDomain

/// The hand-written JSON of the hot responses is byte for byte what the wire encoder writes: for
/// each response type, a value with every member filled (checked member by member, so a member
/// added later must be filled here too) and values at the edges; and debug builds stop a writer
/// that puts a key out of order.
@Suite struct JSONWriterTests {
    /// Strings that exercise escaping and key order: quotes, backslashes, every kind of control
    /// character, slashes, non-ASCII, mixed case and digits (sorted as the encoder sorts them).
    static let awkward = [
        "plain", "with \"quotes\" and \\backslash\\", "tab\tnew\nline\rcarriage", "\u{8}\u{c}\u{1}\u{1f}\u{7f}",
        "slash/es", "é and 日本 and 🙂", "", "B", "a10", "a9", "_under", "Z",
    ]

    static func written(_ value: some JSONWritable) -> String {
        var writer = JSONWriter()
        value.write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    static func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try WireJSON.encoder.encode(value), as: UTF8.self)
    }

    static let apiID = APIID(uncheckedRawValue: "a1b2c3d4e5")

    /// An API with every member set.
    static let filledAPI = API(
        id: apiID, name: awkward[1], protocolType: .http, description: awkward[2],
        routeSelectionExpression: API.httpRouteSelectionExpression,
        apiKeySelectionExpression: "$request.header.x-api-key",
        corsConfiguration: CorsConfiguration(
            allowCredentials: true, allowHeaders: awkward, allowMethods: ["GET"], allowOrigins: ["https://example.com"],
            exposeHeaders: ["x"], maxAge: -1),
        disableExecuteApiEndpoint: true, disableSchemaValidation: false, version: awkward[5], ipAddressType: .dualstack,
        tags: Dictionary(uniqueKeysWithValues: awkward.map { ($0, $0 + "!") }),
        createdDate: Timestamp(millisecondsSinceEpoch: 1_795_538_684_123))

    /// A route with every member set.
    static let filledRoute = Route(
        id: RouteID(uncheckedRawValue: "r2"), apiID: apiID,
        routeKey: RouteKey(stored: "GET /items/{id}", protocolType: .http),
        target: IntegrationID(uncheckedRawValue: "i1"),
        authorizationType: .jwt, authorizerID: AuthorizerID(uncheckedRawValue: "au1"), authorizationScopes: awkward,
        apiKeyRequired: true, operationName: awkward[3], modelSelectionExpression: "m",
        routeResponseSelectionExpression: "$default",
        requestModels: Dictionary(uniqueKeysWithValues: awkward.map { ($0, $0) }),
        requestParameters: [
            "route.request.header.a": ParameterConstraints(required: true),
            "route.request.querystring.B": ParameterConstraints(required: false),
        ],
        apiGatewayManaged: true)

    /// An integration with every member set.
    static let filledIntegration = Integration(
        id: IntegrationID(uncheckedRawValue: "i2"), apiID: apiID, integrationType: .http,
        integrationURI: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2",
        integrationMethod: "ANY", integrationSubtype: awkward[4], connectionType: .vpcLink,
        connectionID: VpcLinkID(uncheckedRawValue: "v1"), payloadFormatVersion: "1.0", timeoutInMillis: 50,
        description: awkward[2], credentialsArn: "arn:aws:iam::123456789012:role/r",
        requestParameters: Dictionary(uniqueKeysWithValues: awkward.map { ($0, $0) }),
        requestTemplates: ["application/json": "{\"a\": 1}"],
        responseParameters: ["200": ["overwrite:header.x": "y"], "404": ["remove:header.y": "''"]],
        templateSelectionExpression: "t", passthroughBehavior: .never, contentHandlingStrategy: .convertToText,
        tlsConfig: TLSConfig(serverNameToVerify: "example.com"), apiGatewayManaged: true)

    @Test("a filled API, and its response, leave no member out; both writers agree on it")
    func filledAPI() throws {
        #expect(unfilledMembers(of: Self.filledAPI) == [])
        let response = APIBody(Self.filledAPI, region: "eu-west-1")
        #expect(unfilledMembers(of: response) == [])
        #expect(Self.written(response) == (try Self.encoded(response)))
    }

    @Test("a filled route, and its response, leave no member out; both writers agree on it")
    func filledRoute() throws {
        #expect(unfilledMembers(of: Self.filledRoute) == [])
        let response = RouteBody(Self.filledRoute)
        #expect(unfilledMembers(of: response) == [])
        #expect(Self.written(response) == (try Self.encoded(response)))
    }

    @Test("a filled integration, and its response, leave no member out; both writers agree on it")
    func filledIntegration() throws {
        #expect(unfilledMembers(of: Self.filledIntegration) == [])
        let response = IntegrationBody(Self.filledIntegration)
        #expect(unfilledMembers(of: response) == [])
        #expect(Self.written(response) == (try Self.encoded(response)))
    }

    /// The JSON keys of `response`'s encoding, lowercased.
    static func wireKeys(_ response: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: WireJSON.encoder.encode(response)) as? [String: Any]
        return Set((object ?? [:]).keys.map { $0.lowercased() })
    }

    /// The members of `entity`, lowercased as the wire spells them (`authorizerID` is
    /// `authorizerId`), `id` as `idMember`, without `hidden` (members the wire does not show).
    static func entityMembers(_ entity: Any, id idMember: String, hidden: Set<String> = []) -> Set<String> {
        Set(memberNames(of: entity).subtracting(hidden).map { $0 == "id" ? idMember.lowercased() : $0.lowercased() })
    }

    @Test("every member of a filled entity reaches its response (the API id of a child is not on the wire)")
    func entitiesReachTheirResponses() throws {
        let api = Self.entityMembers(Self.filledAPI, id: "apiId")
        #expect(api.subtracting(try Self.wireKeys(APIBody(Self.filledAPI, region: "us-east-1"))) == [])
        let route = Self.entityMembers(Self.filledRoute, id: "routeId", hidden: ["apiID"])
        #expect(route.subtracting(try Self.wireKeys(RouteBody(Self.filledRoute))) == [])
        let integration = Self.entityMembers(Self.filledIntegration, id: "integrationId", hidden: ["apiID"])
        #expect(integration.subtracting(try Self.wireKeys(IntegrationBody(Self.filledIntegration))) == [])
    }

    @Test("lists: items then nextToken, with and without a next page, empty or not")
    func lists() throws {
        let cursor = PageCursor(lastSequence: 42)
        for next in [cursor, nil] {
            let apis = ListBody(Page(items: [Self.filledAPI], next: next)) { APIBody($0, region: "us-east-1") }
            #expect(Self.written(apis) == (try Self.encoded(apis)))
            let routes = ListBody(
                Page(items: [Self.filledRoute, Self.minimalRoute], next: next), RouteBody.init)
            #expect(Self.written(routes) == (try Self.encoded(routes)))
            let integrations = ListBody(
                Page(items: [Self.filledIntegration, Self.minimalIntegration], next: next), IntegrationBody.init)
            #expect(Self.written(integrations) == (try Self.encoded(integrations)))
            let empty = ListBody(Page(items: [Route](), next: next), RouteBody.init)
            #expect(Self.written(empty) == (try Self.encoded(empty)))
        }
        #expect(
            unfilledMembers(of: ListBody(Page(items: [Self.filledRoute], next: cursor), RouteBody.init))
                == [])
    }

    static let minimalRoute = Route(
        id: RouteID(uncheckedRawValue: "r1"), apiID: apiID, routeKey: RouteKey(stored: "$default", protocolType: .http))

    static let minimalIntegration = Integration(
        id: IntegrationID(uncheckedRawValue: "i1"), apiID: apiID, integrationType: .awsProxy,
        integrationURI: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0",
        timeoutInMillis: 30000)

    /// APIs at the edges: nothing optional set, and a WebSocket API with empty collections.
    static let edgeAPIs: [API] = [
        API(
            id: apiID, name: "minimal", protocolType: .http,
            routeSelectionExpression: "${request.method} ${request.path}",
            createdDate: Timestamp(millisecondsSinceEpoch: 0)),
        API(
            id: APIID(uncheckedRawValue: "zzzzzzzzzz"), name: awkward[3], protocolType: .websocket,
            routeSelectionExpression: "$request.body.action",
            corsConfiguration: CorsConfiguration(allowHeaders: [], allowOrigins: []), tags: [:],
            createdDate: Timestamp(millisecondsSinceEpoch: 0)),
    ]

    @Test("APIs at the edges are written as the encoder writes them", arguments: edgeAPIs)
    func edgeAPI(api: API) throws {
        let response = APIBody(api, region: "eu-west-1")
        #expect(Self.written(response) == (try Self.encoded(response)))
    }

    @Test("a minimal route and a minimal integration are written as the encoder writes them")
    func minimalRouteAndIntegration() throws {
        #expect(Self.written(RouteBody(Self.minimalRoute)) == (try Self.encoded(RouteBody(Self.minimalRoute))))
        let integration = IntegrationBody(Self.minimalIntegration)
        #expect(Self.written(integration) == (try Self.encoded(integration)))
    }

    #if DEBUG
        @Test("in debug builds a key written out of order, or twice, stops the program")
        func keysOutOfOrderStopTheProgram() async {
            await #expect(processExitsWith: .failure) {
                var writer = JSONWriter()
                writer.object { json in
                    json.member("b", "1")
                    json.member("a", "2")
                }
            }
            await #expect(processExitsWith: .failure) {
                var writer = JSONWriter()
                writer.object { json in
                    json.key("items")
                    json.array { list in list.element { $0.object { $0.member("z", true) } } }
                    json.member("items", "again")
                }
            }
            await #expect(processExitsWith: .success) {
                var writer = JSONWriter()
                writer.object { json in
                    json.member("a", "1")
                    json.key("b")
                    json.object { $0.member("a", 1) }
                    json.member("c", "3")
                }
            }
        }
    #endif

    @Test func requestIDsAreUniqueUUIDShapedText() {
        let generator = RequestIDGenerator()
        let ids = (0..<10_000).map { _ in generator.next() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(100) {
            #expect(UUID(uuidString: id) != nil)
            #expect(id == id.lowercased())
        }
        #expect(RequestIDGenerator().next() != generator.next())
    }

    @Test(arguments: [
        (Duration.zero, "0.000"), (.microseconds(7), "0.007"), (.milliseconds(5), "5.000"),
        (.microseconds(1_234_567), "1234.567"), (.seconds(2) + .nanoseconds(999), "2000.000"),
    ])
    func serverTimingDurations(duration: Duration, text: String) {
        #expect(duration.serverTimingMilliseconds == text)
    }
}
