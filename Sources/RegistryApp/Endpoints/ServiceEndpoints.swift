import Hummingbird
import RegistryDomain

/// This service's own endpoints: `/healthz`, `/metrics` and `/openapi.yaml`.
struct ServiceEndpoints {
    let service: RegistryService

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/healthz") { _, _ in
            try await service.checkHealth()
            return WireJSON.response(["status": "ok"], status: .ok)
        }
        router.get("/metrics") { _, _ in
            let statistics = service.store.statistics()
            let text = """
                # HELP registry_write_transactions_total Write transactions committed (one fsync each).
                # TYPE registry_write_transactions_total counter
                registry_write_transactions_total \(statistics.transactions)
                # HELP registry_writes_total Writes carried by those transactions (group commit).
                # TYPE registry_writes_total counter
                registry_writes_total \(statistics.writes)

                """
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }
}
