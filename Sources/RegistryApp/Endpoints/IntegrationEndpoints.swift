import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/integrations[/{integrationId}]`: the integration operations.
struct IntegrationEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis/:apiId/integrations") { request, context in
            let apiID = try context.apiID()
            let input = try await WireJSON.decode(IntegrationInput.self, from: request, limit: bodyLimit)
            let integration = try await service.createIntegration(in: apiID, input)
            return WireJSON.response(IntegrationBody(integration), status: .created)
        }
        router.get("/v2/apis/:apiId/integrations") { request, context in
            let page = try await service.integrations(in: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, IntegrationBody.init), status: .ok)
        }
        router.get("/v2/apis/:apiId/integrations/:integrationId") { _, context in
            let integration = try await service.integration(try Self.integrationID(context), in: try context.apiID())
            return WireJSON.response(IntegrationBody(integration), status: .ok)
        }
        router.patch("/v2/apis/:apiId/integrations/:integrationId") { request, context in
            let (apiID, id) = (try context.apiID(), try Self.integrationID(context))
            let input = try await WireJSON.decode(IntegrationInput.self, from: request, limit: bodyLimit)
            let integration = try await service.updateIntegration(id, in: apiID, input)
            return WireJSON.response(IntegrationBody(integration), status: .ok)
        }
        router.delete("/v2/apis/:apiId/integrations/:integrationId") { _, context in
            try await service.deleteIntegration(try Self.integrationID(context), in: try context.apiID())
            return Response(status: .noContent)
        }
    }

    private static func integrationID(_ context: RegistryRequestContext) throws(RegistryError) -> IntegrationID {
        try context.identifier("integrationId", what: "integration")
    }
}
