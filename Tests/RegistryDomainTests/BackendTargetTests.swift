import RegistryDomain
import RegistryTestSupport
import Testing

/// What the reverse lookup reads a pasted target as, and which integrations and authorizers reach it.
@Suite("Backend target")
struct BackendTargetTests {
    static let function = "arn:aws:lambda:us-east-1:123456789012:function:orders"
    static let invocation =
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/\(function)/invocations"

    static func integration(_ uri: String?, link: String? = nil) -> Integration {
        Integration(
            id: IntegrationID(uncheckedRawValue: "i000001"), apiID: APIID(uncheckedRawValue: "a000000001"),
            integrationType: .awsProxy, integrationURI: uri, connectionType: link == nil ? .internet : .vpcLink,
            connectionID: link.map(VpcLinkID.init(uncheckedRawValue:)), timeoutInMillis: 30_000)
    }

    @Test(
        "targets are read as a function, a VPC link or a URI",
        arguments: [
            (function, "function \(function)"),
            ("  \(function)\n", "function \(function)"),
            (invocation, "function \(function)"),
            (function + ":live", "function \(function):live"),
            ("abc1234", "link abc1234"),
            ("https://backend.example.com/items", "uri https://backend.example.com/items"),
            ("ABC1234", "uri ABC1234"),
        ])
    func reading(text: String, expected: String) throws {
        let target = try BackendTarget(text)
        switch target.kind {
        case .lambdaFunction(let arn): #expect("function \(arn)" == expected)
        case .vpcLink(let id): #expect("link \(id.rawValue)" == expected)
        case .uri(let uri): #expect("uri \(uri)" == expected)
        }
    }

    @Test("an empty or oversized target is refused", arguments: ["", "   ", String(repeating: "x", count: 2049)])
    func refusals(text: String) {
        let error = #expect(throws: RegistryError.self) { try BackendTarget(text) }
        #expect(error?.code == .badRequest)
    }

    @Test(
        "which integrations reach a target",
        arguments: [
            (function, function, nil, true),
            (function, invocation, nil, true),
            (function, function + ":live", nil, true),
            (function + ":live", function + ":live", nil, true),
            (function + ":live", function, nil, false),
            (function + ":live", function + ":beta", nil, false),
            (function, function + "-v2", nil, false),
            ("abc1234", "https://internal.example.com", "abc1234", true),
            ("abc1234", "https://internal.example.com", "xyz9876", false),
            ("https://backend.example.com/items", "https://backend.example.com/items", nil, true),
            ("https://backend.example.com/items", "https://backend.example.com/items/more", nil, false),
        ] as [(String, String, String?, Bool)])
    func reach(target: String, uri: String, link: String?, reached: Bool) throws {
        #expect(try BackendTarget(target).isReached(by: Self.integration(uri, link: link)) == reached)
    }

    @Test("a Lambda authorizer reaches its function; a JWT authorizer reaches nothing")
    func authorizers() throws {
        let target = try BackendTarget(Self.function)
        var authorizer = Authorizer(
            id: AuthorizerID(uncheckedRawValue: "z000001"), apiID: APIID(uncheckedRawValue: "a000000001"), name: "auth",
            authorizerType: .request, identitySource: [], authorizerURI: Self.invocation)
        #expect(target.isReached(by: authorizer))
        authorizer.authorizerURI = nil
        #expect(!target.isReached(by: authorizer))
        #expect(try !BackendTarget("abc1234").isReached(by: authorizer))
    }
}
