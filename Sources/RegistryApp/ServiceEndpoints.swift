import Hummingbird
import RegistryDomain

/// This service's own endpoints: `/healthz` and `/openapi.yaml`.
struct ServiceEndpoints {
    let service: RegistryService

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/healthz") { _, _ in
            try await service.checkHealth()
            return WireJSON.response(["status": "ok"], status: .ok)
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }
}
