import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/routes[/{routeId}]`: CreateRoute, GetRoutes, GetRoute, UpdateRoute, DeleteRoute,
/// DeleteRouteRequestParameter.
struct RouteEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis/:apiId/routes") { request, context in
            let apiID = try context.apiID()
            let input = try await WireJSON.decode(RouteInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(RouteBody(try await service.createRoute(in: apiID, input)), status: .created)
        }
        router.get("/v2/apis/:apiId/routes") { request, context in
            let routes = try await service.routes(in: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(routes, RouteBody.init), status: .ok)
        }
        router.get("/v2/apis/:apiId/routes/:routeId") { _, context in
            let route = try await service.route(try Self.routeID(context), in: try context.apiID())
            return WireJSON.response(RouteBody(route), status: .ok)
        }
        router.patch("/v2/apis/:apiId/routes/:routeId") { request, context in
            let (apiID, routeID) = (try context.apiID(), try Self.routeID(context))
            let input = try await WireJSON.decode(RouteInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(
                RouteBody(try await service.updateRoute(routeID, in: apiID, input)), status: .ok)
        }
        router.delete("/v2/apis/:apiId/routes/:routeId") { _, context in
            try await service.deleteRoute(try Self.routeID(context), in: try context.apiID())
            return Response(status: .noContent)
        }
        router.delete("/v2/apis/:apiId/routes/:routeId/requestparameters/:requestParameterKey") { _, context in
            let (apiID, routeID) = (try context.apiID(), try Self.routeID(context))
            try await service.deleteRouteRequestParameter(
                context.pathParameter("requestParameterKey"), of: routeID, in: apiID)
            return Response(status: .noContent)
        }
    }

    private static func routeID(_ context: RegistryRequestContext) throws(RegistryError) -> RouteID {
        try context.identifier("routeId", what: "route")
    }
}
