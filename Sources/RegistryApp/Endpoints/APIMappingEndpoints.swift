import Hummingbird
import RegistryDomain

/// `/v2/domainnames/{domainName}/apimappings[/{apiMappingId}]`: the API mapping operations.
struct APIMappingEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/domainnames/:domainName/apimappings") { request, context in
            let name = try context.domainName()
            let input = try await WireJSON.decode(APIMappingInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(
                APIMappingBody(try await service.createAPIMapping(on: name, input)), status: .created)
        }
        router.get("/v2/domainnames/:domainName/apimappings") { request, context in
            let page = try await service.apiMappings(on: try context.domainName(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, APIMappingBody.init), status: .ok)
        }
        router.get("/v2/domainnames/:domainName/apimappings/:apiMappingId") { _, context in
            let mapping = try await service.apiMapping(try Self.mappingID(context), on: try context.domainName())
            return WireJSON.response(APIMappingBody(mapping), status: .ok)
        }
        router.patch("/v2/domainnames/:domainName/apimappings/:apiMappingId") { request, context in
            let (name, id) = (try context.domainName(), try Self.mappingID(context))
            let input = try await WireJSON.decode(APIMappingInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(
                APIMappingBody(try await service.updateAPIMapping(id, on: name, input)), status: .ok)
        }
        router.delete("/v2/domainnames/:domainName/apimappings/:apiMappingId") { _, context in
            try await service.deleteAPIMapping(try Self.mappingID(context), on: try context.domainName())
            return Response(status: .noContent)
        }
    }

    private static func mappingID(_ context: RegistryRequestContext) throws(RegistryError) -> APIMappingID {
        try context.identifier("apiMappingId", what: "API mapping")
    }
}
