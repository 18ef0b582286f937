import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RegistryApp
import RegistryAuth
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import ServiceLifecycle
import Testing

/// A fresh application over a fresh SQLite file in its own temporary directory.
struct TestRegistry {
    /// A response, with its JSON body parsed when there is one.
    struct Reply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        /// The parsed JSON body, or an empty object.
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
        /// The `x-amzn-ErrorType` header.
        var errorType: String? { headers[HTTPField.Name("x-amzn-ErrorType")!] }
        /// The `message` member of an error body.
        var message: String { json["message"] as? String ?? "" }
        /// A string member of the body.
        func string(_ member: String) -> String { json[member] as? String ?? "" }
        /// The `items` of a list body.
        var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    }

    let client: any TestClientProtocol

    /// Sends a request; `body` is sent as given (JSON text or anything else).
    func call(
        _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, headers: HTTPFields = [:]
    ) async throws
        -> Reply
    {
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Reply(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    /// Creates an HTTP API and returns its id.
    func createHTTPAPI(name: String = "pets") async throws -> String {
        let reply = try await call(.post, "/v2/apis", #"{"name":"\#(name)","protocolType":"HTTP"}"#)
        #expect(reply.status == .created)
        return reply.string("apiId")
    }

    /// Creates a Lambda proxy integration in `api` and returns its id.
    func createLambdaIntegration(in api: String, function: String = "books") async throws -> String {
        let reply = try await call(
            .post, "/v2/apis/\(api)/integrations",
            #"""
            {"integrationType":"AWS_PROXY","payloadFormatVersion":"2.0",
             "integrationUri":"arn:aws:lambda:us-east-1:123456789012:function:\#(function)"}
            """#)
        #expect(reply.status == .created, "\(reply.body)")
        return reply.string("integrationId")
    }

    /// Creates a VPC link and returns its id.
    func createVpcLink() async throws -> String {
        let reply = try await call(.post, "/v2/vpclinks", #"{"name":"link","subnetIds":["subnet-0a1b2c3d"]}"#)
        #expect(reply.status == .created)
        return reply.string("vpcLinkId")
    }

    /// Runs `body` against the application `buildApplication` makes over a fresh SQLite file, then
    /// checks that the application's service group closed the store and removes the file.
    static func run(
        quotas: Quotas = .aws, maximumBodySize: Int = 1 << 20, authentication: AuthConfiguration? = nil,
        rateLimitPerSecond: Double? = nil, _ body: @Sendable (TestRegistry) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        _ = RegistryMetrics.shared
        let store = try SQLiteRegistryStore(path: directory.file("registry.sqlite"))
        try await run(
            store: store, databasePath: store.path, quotas: quotas, maximumBodySize: maximumBodySize,
            authentication: authentication, rateLimitPerSecond: rateLimitPerSecond, body)
        #expect(store.isClosed, "the application's service group closes its store when it stops")
    }

    /// Runs `body` against the application `buildApplication` makes over `store` (whose file is
    /// `databasePath`), logging to `logger`.
    static func run(
        store: some RegistryStore & Service, databasePath: String = AppConfiguration.defaultDatabasePath,
        quotas: Quotas = .aws, maximumBodySize: Int = 1 << 20,
        authentication: AuthConfiguration? = nil, rateLimitPerSecond: Double? = nil,
        logger: Logger = TestRegistry.quietLogger, _ body: @Sendable (TestRegistry) async throws -> Void
    ) async throws {
        let configuration = AppConfiguration(
            databasePath: databasePath, quotas: quotas, maximumBodySize: maximumBodySize,
            authentication: authentication,
            rateLimitPerSecond: rateLimitPerSecond)
        let application = buildApplication(configuration: configuration, store: store, logger: logger)
        try await application.test(.router) { client in try await body(TestRegistry(client: client)) }
    }

    /// A logger that reports only errors.
    static let quietLogger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }()
}
