import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RegistryApp
import RegistryDomain
import RegistryTestSupport
import Testing

/// `/healthz`, `/openapi.yaml`, and the AWS error shape for malformed and hostile requests.
@Suite struct ServiceAndErrorShapeTests {
    @Test func healthzAnswersOK() async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, "/healthz")
            #expect(reply.status == .ok && reply.string("status") == "ok")
            #expect(reply.headers[HTTPFieldName.requestID] != nil)
        }
    }

    @Test func everyResponseReportsItsServerTime() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            for path in ["/healthz", "/v2/apis/\(api)", "/v2/apis/nosuchapi0"] {
                let timing = try await registry.call(.get, path).headers[HTTPField.Name("Server-Timing")!] ?? ""
                #expect(timing.wholeMatch(of: /total;dur=[0-9]+\.[0-9]{3}/) != nil, "\(path): \(timing)")
            }
            let template = try await registry.call(.get, "/v2/apis/\(api)/template")
            let parts = (template.headers[HTTPField.Name("Server-Timing")!] ?? "").split(separator: ", ")
            #expect(parts.map { $0.prefix { $0 != ";" } } == ["snapshot", "synth", "total"])
        }
    }

    @Test func metricsCountWritesAndTheirTransactions() async throws {
        try await TestRegistry.run { registry in
            _ = try await registry.createHTTPAPI()
            let reply = try await registry.call(.get, "/metrics")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain") == true)
            let counters = Dictionary(
                uniqueKeysWithValues: reply.body.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
                    line -> (String, Int)? in
                    let parts = line.split(separator: " ")
                    return parts.count == 2 ? (String(parts[0]), Int(parts[1]) ?? -1) : nil
                })
            #expect((counters["registry_writes_total"] ?? 0) >= 1)
            #expect((counters["registry_write_transactions_total"] ?? 0) >= 1)
        }
    }

    @Test(arguments: [
        ("{bad", "Malformed"), ("[1,2]", "JSON object"), (#"{"name":5,"protocolType":"HTTP"}"#, "name"),
        (#"{"name":"x","protocolType":"GRPC"}"#, "protocolType"), (#"{"name":"x"}"#, "protocolType"),
        (#"{"name":"","protocolType":"HTTP"}"#, "name"), ("", "protocolType"),
    ])
    func malformedBodiesAre400NamingTheProblem(body: String, mentions: String) async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.post, "/v2/apis", body)
            #expect(reply.status == .badRequest)
            #expect(reply.errorType == "BadRequestException")
            #expect(reply.message.contains(mentions), "\(reply.message)")
            #expect(reply.headers[HTTPFieldName.requestID] != nil)
            #expect(try await registry.call(.get, "/v2/apis").items.isEmpty)
        }
    }

    @Test func unknownMembersAreIgnoredAsAWSDoes() async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.post, "/v2/apis", #"{"name":"x","protocolType":"HTTP","zzz":[1]}"#)
            #expect(reply.status == .created)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        try await TestRegistry.run(maximumBodySize: 1024) { registry in
            let description = String(repeating: "d", count: 2048)
            let reply = try await registry.call(
                .post, "/v2/apis", #"{"name":"x","protocolType":"HTTP","description":"\#(description)"}"#)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.errorType == "PayloadTooLargeException")
            #expect(try await registry.call(.get, "/v2/apis").items.isEmpty)
        }
    }

    @Test(arguments: [
        "/nope", "/v2/apis/..%2F..%2Fetc", "/v2/apis/ABC", "/v2/apis/" + String(repeating: "a", count: 60_000),
    ])
    func unknownPathsAndHostileIdsAre404(path: String) async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, path)
            #expect(reply.status == .notFound)
            #expect(reply.errorType == "NotFoundException")
            #expect(reply.message.count < 200)
        }
    }

    @Test func openAPIDocumentIsServedAsInTheRepository() async throws {
        let onDisk = try String(
            contentsOf: Fixtures.repository.appendingPathComponent("api/openapi.yaml"), encoding: .utf8)
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, "/openapi.yaml")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/yaml")
            #expect(reply.body == onDisk, "api/openapi.yaml changed: run scripts/embed-resources")
        }
    }

    @Test func everyRouteOfTheRouterIsInTheContract() throws {
        let documented = Contract.operations
        #expect(!documented.isEmpty, "api/openapi.yaml lists no operation")
        let store = FailingStore(failure: RegistryError(.internalFailure, "routes only"))
        let router = buildRouter(
            service: makeService(store: store), configuration: AppConfiguration(), logger: Logger(label: "test"))
        let served = Set(router.routes.map { "\($0.method.rawValue) \(Contract.normalize($0.path.description))" })
        #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(served).isEmpty,
            "documented but not served: \(documented.subtracting(served).sorted())")
    }
}
