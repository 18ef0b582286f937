import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/integrations/{integrationId}/integrationresponses[/{integrationResponseId}]`: the integration response
/// operations (WebSocket APIs).
struct IntegrationResponseEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        let base = "/v2/apis/:apiId/integrations/:integrationId/integrationresponses"
        router.post(RouterPath(base)) { request, context in
            let (apiID, integrationID) = (try context.apiID(), try Self.integrationID(context))
            let input = try await WireJSON.decode(IntegrationResponseInput.self, from: request, limit: bodyLimit)
            let response = try await service.createIntegrationResponse(of: integrationID, in: apiID, input)
            return WireJSON.response(IntegrationResponseBody(response), status: .created)
        }
        router.get(RouterPath(base)) { request, context in
            let (apiID, integrationID) = (try context.apiID(), try Self.integrationID(context))
            let page = try await service.integrationResponses(
                of: integrationID, in: apiID, try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, IntegrationResponseBody.init), status: .ok)
        }
        router.get(RouterPath(base + "/:integrationResponseId")) { _, context in
            let (apiID, integrationID) = (try context.apiID(), try Self.integrationID(context))
            let response = try await service.integrationResponse(
                try Self.responseID(context), of: integrationID, in: apiID)
            return WireJSON.response(IntegrationResponseBody(response), status: .ok)
        }
        router.patch(RouterPath(base + "/:integrationResponseId")) { request, context in
            let (apiID, integrationID, id) = (
                try context.apiID(), try Self.integrationID(context), try Self.responseID(context)
            )
            let input = try await WireJSON.decode(IntegrationResponseInput.self, from: request, limit: bodyLimit)
            let response = try await service.updateIntegrationResponse(id, of: integrationID, in: apiID, input)
            return WireJSON.response(IntegrationResponseBody(response), status: .ok)
        }
        router.delete(RouterPath(base + "/:integrationResponseId")) { _, context in
            let (apiID, integrationID, id) = (
                try context.apiID(), try Self.integrationID(context), try Self.responseID(context)
            )
            try await service.deleteIntegrationResponse(id, of: integrationID, in: apiID)
            return Response(status: .noContent)
        }
    }

    private static func integrationID(_ context: RegistryRequestContext) throws(RegistryError) -> IntegrationID {
        try context.identifier("integrationId", what: "integration")
    }

    private static func responseID(_ context: RegistryRequestContext) throws(RegistryError) -> IntegrationResponseID {
        try context.identifier("integrationResponseId", what: "integration response")
    }
}
