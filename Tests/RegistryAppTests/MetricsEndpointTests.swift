import Foundation
import HTTPTypes
import RegistryTestSupport
import Testing

@testable import RegistryApp

/// `GET /metrics`: requests by AWS operation, method and status with a latency histogram, the
/// writer's transactions and queue, the catalog's size, the database's files, the process and the
/// build, all in Prometheus's text format. Tests share the process's registry, so counters are
/// compared as they move, never as absolute numbers.
@Suite struct MetricsEndpointTests {
    static func scrape(_ registry: TestRegistry) async throws -> PrometheusText {
        let reply = try await registry.call(.get, "/metrics")
        #expect(reply.status == .ok)
        #expect(reply.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        return PrometheusText(reply.body)
    }

    @Test func requestsAreCountedByOperationMethodAndStatus() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let get = ["operation": "GetApi", "method": "GET", "status": "200"]
            let missing = ["operation": "GetApi", "method": "GET", "status": "404"]
            let unknown = ["operation": "UnknownOperation", "method": "GET", "status": "404"]
            let before = try await Self.scrape(registry)
            #expect(try await registry.call(.get, "/v2/apis/\(api)").status == .ok)
            #expect(try await registry.call(.get, "/v2/apis/zzzzzzzzzz").status == .notFound)
            #expect(try await registry.call(.get, "/no/such/path").status == .notFound)
            let after = try await Self.scrape(registry)
            for labels in [get, missing, unknown] {
                let moved =
                    (after.value("registry_http_requests_total", labels) ?? 0)
                    - (before.value("registry_http_requests_total", labels) ?? 0)
                #expect(moved >= 1, "\(labels)")
            }
            #expect(after.types["registry_http_requests_total"] == "counter")
            #expect(after.value("registry_http_requests_total", ["operation": "CreateApi", "status": "201"]) != nil)
            // The latency histogram, by operation and method, with sub-millisecond buckets.
            #expect(after.types["registry_http_request_duration_seconds"] == "histogram")
            let count = after.value("registry_http_request_duration_seconds_count", ["operation": "GetApi"]) ?? 0
            #expect(count >= 2)
            #expect(
                after.value("registry_http_request_duration_seconds_bucket", ["operation": "GetApi", "le": "0.0001"])
                    != nil)
            #expect(
                after.value("registry_http_request_duration_seconds_bucket", ["operation": "GetApi", "le": "+Inf"])
                    == count)
            // No raw path ever becomes a label.
            #expect(
                !after.samples.contains {
                    $0.labels.values.contains { $0.contains("zzzzzzzzzz") || $0.contains("/no/") }
                })
        }
    }

    @Test func writesCatalogFilesProcessAndBuildAreReported() async throws {
        try await TestRegistry.run { registry in
            let before = try await Self.scrape(registry)
            let api = try await registry.createHTTPAPI()
            let integration = try await registry.createLambdaIntegration(in: api)
            for key in ["GET /a", "GET /b"] {
                let reply = try await registry.call(
                    .post, "/v2/apis/\(api)/routes", #"{"routeKey":"\#(key)","target":"integrations/\#(integration)"}"#)
                #expect(reply.status == .created)
            }
            _ = try await registry.createVpcLink()
            let after = try await Self.scrape(registry)
            for name in ["registry_write_transactions_total", "registry_writes_total"] {
                #expect((after.value(name) ?? 0) - (before.value(name) ?? 0) >= 5, "\(name)")
            }
            #expect((after.value("registry_group_commit_batch_writes_count") ?? 0) >= 5)
            #expect((after.value("registry_write_transaction_duration_seconds_count") ?? 0) >= 5)
            #expect(after.value("registry_group_commit_queue_depth") != nil)
            #expect(before.value("registry_catalog_apis") == 0)
            #expect((after.value("registry_database_bytes", ["file": "main"]) ?? 0) > 0)
            #expect(after.value("registry_database_bytes", ["file": "wal"]) != nil)
            #expect((after.value("process_resident_memory_bytes") ?? 0) > 1_000_000)
            #expect((after.value("process_open_fds") ?? 0) > 3)
            #expect((after.value("process_max_fds") ?? 0) >= (after.value("process_open_fds") ?? 0))
            #expect((after.value("process_start_time_seconds") ?? 0) > 1_700_000_000)
            #expect(after.value("registry_build_info", ["version": registryVersion]) == 1)
        }
    }

    @Test func catalogGaugesCountWhatTheStoreHolds() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let integration = try await registry.createLambdaIntegration(in: api)
            _ = try await registry.call(
                .post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /a","target":"integrations/\#(integration)"}"#)
            _ = try await registry.createVpcLink()
            let text = try await Self.scrape(registry)
            #expect(text.value("registry_catalog_apis") == 1)
            #expect(text.value("registry_catalog_routes") == 1)
            #expect(text.value("registry_catalog_integrations") == 1)
            #expect(text.value("registry_catalog_vpc_links") == 1)
            #expect(text.value("registry_catalog_domain_names") == 0)
            #expect(text.value("registry_change_records") == 4)
        }
    }

    @Test("every route the router serves has an operation name", arguments: Contract.operations.sorted())
    func everyRouteHasAnOperationName(operation: String) {
        let parts = operation.split(separator: " ", maxSplits: 1)
        let name = OperationNames.contract.name(method: String(parts[0]), path: String(parts[1]))
        #expect(name != OperationNames.unmatched)
        #expect(name.first?.isUppercase == true)
    }

    @Test func labelsAreTheOperationAndAKnownMethod() {
        let labels = RequestInstruments.labels(route: "/v2/apis/{apiId}/routes/{routeId}", method: "DELETE")
        #expect(labels.map { "\($0.0)=\($0.1)" } == ["operation=DeleteRoute", "method=DELETE"])
        let odd = RequestInstruments.labels(route: nil, method: "BREW")
        #expect(odd.map { "\($0.0)=\($0.1)" } == ["operation=UnknownOperation", "method=OTHER"])
    }
}
