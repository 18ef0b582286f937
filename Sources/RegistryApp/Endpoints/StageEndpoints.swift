import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/stages[/{stageName}]`: the stage operations (`%24default` is `$default`), with
/// DeleteAccessLogSettings, DeleteRouteSettings and ResetAuthorizersCache.
struct StageEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis/:apiId/stages") { request, context in
            let apiID = try context.apiID()
            let input = try await WireJSON.decode(StageInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(StageBody(try await service.createStage(in: apiID, input)), status: .created)
        }
        router.get("/v2/apis/:apiId/stages") { request, context in
            let page = try await service.stages(in: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, StageBody.init), status: .ok)
        }
        router.get("/v2/apis/:apiId/stages/:stageName") { _, context in
            let stage = try await service.stage(try context.stageName(), in: try context.apiID())
            return WireJSON.response(StageBody(stage), status: .ok)
        }
        router.patch("/v2/apis/:apiId/stages/:stageName") { request, context in
            let (apiID, name) = (try context.apiID(), try context.stageName())
            let input = try await WireJSON.decode(StageInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(StageBody(try await service.updateStage(name, in: apiID, input)), status: .ok)
        }
        router.delete("/v2/apis/:apiId/stages/:stageName") { _, context in
            try await service.deleteStage(try context.stageName(), in: try context.apiID())
            return Response(status: .noContent)
        }
        router.delete("/v2/apis/:apiId/stages/:stageName/accesslogsettings") { _, context in
            try await service.deleteAccessLogSettings(of: try context.stageName(), in: try context.apiID())
            return Response(status: .noContent)
        }
        router.delete("/v2/apis/:apiId/stages/:stageName/routesettings/:routeKey") { _, context in
            let (apiID, name) = (try context.apiID(), try context.stageName())
            try await service.deleteRouteSettings(forRouteKey: context.pathParameter("routeKey"), of: name, in: apiID)
            return Response(status: .noContent)
        }
        router.delete("/v2/apis/:apiId/stages/:stageName/cache/authorizers") { _, context in
            try await service.resetAuthorizersCache(of: try context.stageName(), in: try context.apiID())
            return Response(status: .noContent)
        }
    }
}
