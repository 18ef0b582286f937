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
        let counts = CatalogCountsCache(service: service)
        router.get("/metrics") { _, _ in
            let text = RegistryMetrics.shared.exposition(
                statistics: service.store.statistics(), counts: try await counts.counts())
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }
}
