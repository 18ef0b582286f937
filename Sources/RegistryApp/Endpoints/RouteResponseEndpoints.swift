import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/routes/{routeId}/routeresponses[/{routeResponseId}]`: the route response
/// operations (WebSocket APIs).
struct RouteResponseEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        let base = "/v2/apis/:apiId/routes/:routeId/routeresponses"
        router.post(RouterPath(base)) { request, context in
            let (apiID, routeID) = (try context.apiID(), try Self.routeID(context))
            let input = try await WireJSON.decode(RouteResponseInput.self, from: request, limit: bodyLimit)
            let response = try await service.createRouteResponse(of: routeID, in: apiID, input)
            return WireJSON.response(RouteResponseBody(response), status: .created)
        }
        router.get(RouterPath(base)) { request, context in
            let (apiID, routeID) = (try context.apiID(), try Self.routeID(context))
            let page = try await service.routeResponses(of: routeID, in: apiID, try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, RouteResponseBody.init), status: .ok)
        }
        router.get(RouterPath(base + "/:routeResponseId")) { _, context in
            let (apiID, routeID) = (try context.apiID(), try Self.routeID(context))
            let response = try await service.routeResponse(try Self.responseID(context), of: routeID, in: apiID)
            return WireJSON.response(RouteResponseBody(response), status: .ok)
        }
        router.patch(RouterPath(base + "/:routeResponseId")) { request, context in
            let (apiID, routeID, id) = (try context.apiID(), try Self.routeID(context), try Self.responseID(context))
            let input = try await WireJSON.decode(RouteResponseInput.self, from: request, limit: bodyLimit)
            let response = try await service.updateRouteResponse(id, of: routeID, in: apiID, input)
            return WireJSON.response(RouteResponseBody(response), status: .ok)
        }
        router.delete(RouterPath(base + "/:routeResponseId")) { _, context in
            let (apiID, routeID, id) = (try context.apiID(), try Self.routeID(context), try Self.responseID(context))
            try await service.deleteRouteResponse(id, of: routeID, in: apiID)
            return Response(status: .noContent)
        }
    }

    private static func routeID(_ context: RegistryRequestContext) throws(RegistryError) -> RouteID {
        try context.identifier("routeId", what: "route")
    }

    private static func responseID(_ context: RegistryRequestContext) throws(RegistryError) -> RouteResponseID {
        try context.identifier("routeResponseId", what: "route response")
    }
}
