import Foundation
import Testing

@testable import RegistryApp
@testable import RegistryDomain

/// The hand-written JSON of the hot responses is byte for byte what the wire encoder writes.
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

    static let apis: [API] = [
        API(
            id: APIID(uncheckedRawValue: "a1b2c3d4e5"), name: "minimal", protocolType: .http,
            routeSelectionExpression: "${request.method} ${request.path}",
            createdDate: Timestamp(millisecondsSinceEpoch: 1_795_538_684_123)),
        API(
            id: APIID(uncheckedRawValue: "zzzzzzzzzz"), name: awkward[1], protocolType: .websocket,
            description: awkward[2], routeSelectionExpression: "$request.body.action",
            corsConfiguration: CorsConfiguration(
                allowCredentials: true, allowHeaders: awkward, allowMethods: ["GET"], allowOrigins: [],
                exposeHeaders: ["x"], maxAge: -1),
            disableExecuteApiEndpoint: true, disableSchemaValidation: false, version: awkward[5],
            ipAddressType: .dualstack, tags: Dictionary(uniqueKeysWithValues: awkward.map { ($0, $0 + "!") }),
            createdDate: Timestamp(millisecondsSinceEpoch: 0)),
    ]

    @Test(arguments: apis)
    func apisAreWrittenAsTheEncoderWrites(api: API) throws {
        let response = APIResponse(api, region: "eu-west-1")
        #expect(Self.written(response) == (try Self.encoded(response)))
    }

    @Test func routesAreWrittenAsTheEncoderWrites() throws {
        let api = APIID(uncheckedRawValue: "a1b2c3d4e5")
        let routes = [
            Route(
                id: RouteID(uncheckedRawValue: "r1"), apiID: api,
                routeKey: RouteKey(stored: "$default", protocolType: .http)),
            Route(
                id: RouteID(uncheckedRawValue: "r2"), apiID: api,
                routeKey: RouteKey(stored: "GET /items/{id}", protocolType: .http),
                target: IntegrationID(uncheckedRawValue: "i1"), authorizationType: .jwt,
                authorizerID: AuthorizerID(uncheckedRawValue: "au1"), authorizationScopes: Self.awkward,
                apiKeyRequired: true, operationName: Self.awkward[3], modelSelectionExpression: "m",
                routeResponseSelectionExpression: "$default",
                requestModels: Dictionary(uniqueKeysWithValues: Self.awkward.map { ($0, $0) }),
                requestParameters: [
                    "route.request.header.a": ParameterConstraints(required: true),
                    "route.request.querystring.B": ParameterConstraints(required: false),
                    "route.request.path.c": ParameterConstraints(),
                ],
                apiGatewayManaged: true),
        ]
        for route in routes {
            #expect(Self.written(RouteResponse(route)) == (try Self.encoded(RouteResponse(route))))
        }
        let page = ListResponse(Page(items: routes, next: PageCursor(lastSequence: 42)), RouteResponse.init)
        #expect(Self.written(page) == (try Self.encoded(page)))
        let last = ListResponse(Page(items: [Route](), next: nil), RouteResponse.init)
        #expect(Self.written(last) == (try Self.encoded(last)))
    }

    @Test func integrationsAreWrittenAsTheEncoderWrites() throws {
        let api = APIID(uncheckedRawValue: "a1b2c3d4e5")
        let integrations = [
            Integration(
                id: IntegrationID(uncheckedRawValue: "i1"), apiID: api, integrationType: .awsProxy,
                integrationURI: "arn:aws:lambda:us-east-1:123456789012:function:f", payloadFormatVersion: "2.0",
                timeoutInMillis: 30000),
            Integration(
                id: IntegrationID(uncheckedRawValue: "i2"), apiID: api, integrationType: .httpProxy,
                integrationURI: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2",
                integrationMethod: "ANY", integrationSubtype: Self.awkward[4], connectionType: .vpcLink,
                connectionID: VpcLinkID(uncheckedRawValue: "v1"), payloadFormatVersion: "1.0", timeoutInMillis: 50,
                description: Self.awkward[2], credentialsArn: "arn:aws:iam::123456789012:role/r",
                requestParameters: Dictionary(uniqueKeysWithValues: Self.awkward.map { ($0, $0) }),
                requestTemplates: ["application/json": "{\"a\": 1}"],
                responseParameters: ["200": ["overwrite:header.x": "y"], "404": [:]],
                templateSelectionExpression: "t", passthroughBehavior: .never, contentHandlingStrategy: .convertToText,
                tlsConfig: TLSConfig(serverNameToVerify: "example.com"), apiGatewayManaged: true),
        ]
        for integration in integrations {
            #expect(
                Self.written(IntegrationResponse(integration)) == (try Self.encoded(IntegrationResponse(integration))))
        }
    }

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
