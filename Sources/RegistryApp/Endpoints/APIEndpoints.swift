import Hummingbird
import RegistryDomain

/// `/v2/apis`, `/v2/apis/{apiId}` and its `/cors`: CreateApi, GetApis, GetApi, UpdateApi, DeleteApi,
/// DeleteCorsConfiguration.
struct APIEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis") { request, context in
            let input = try await WireJSON.decode(APIInput.self, from: request, limit: bodyLimit)
            let api = try await service.createAPI(input)
            return WireJSON.response(APIBody(api, region: context.region), status: .created)
        }
        router.get("/v2/apis") { request, context in
            let page = try PageToken.pageRequest(request)
            let query = request.uri.queryParameters
            let filter = APIFilter(
                namePrefix: query.get("name"),
                tag: try query.get("tag").map { text throws(RegistryError) in
                    try APIFilter.parseTag(text)
                })
            let apis = try await service.apis(page, filter: filter)
            return WireJSON.response(ListBody(apis) { APIBody($0, region: context.region) }, status: .ok)
        }
        router.get("/v2/apis/:apiId") { _, context in
            let api = try await service.api(try context.apiID())
            return WireJSON.response(APIBody(api, region: context.region), status: .ok)
        }
        router.patch("/v2/apis/:apiId") { request, context in
            let id = try context.apiID()
            let input = try await WireJSON.decode(APIInput.self, from: request, limit: bodyLimit)
            let api = try await service.updateAPI(id, input)
            return WireJSON.response(APIBody(api, region: context.region), status: .ok)
        }
        router.delete("/v2/apis/:apiId") { _, context in
            try await service.deleteAPI(try context.apiID())
            return Response(status: .noContent)
        }
        router.delete("/v2/apis/:apiId/cors") { _, context in
            try await service.deleteCorsConfiguration(of: try context.apiID())
            return Response(status: .noContent)
        }
    }
}
