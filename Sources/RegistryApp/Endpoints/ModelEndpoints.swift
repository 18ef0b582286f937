import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/models[/{modelId}[/template]]`: CreateModel, GetModels, GetModel, UpdateModel,
/// DeleteModel, GetModelTemplate (WebSocket APIs).
struct ModelEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis/:apiId/models") { request, context in
            let apiID = try context.apiID()
            let input = try await Self.decode(request, limit: bodyLimit)
            return WireJSON.response(ModelBody(try await service.createModel(in: apiID, input)), status: .created)
        }
        router.get("/v2/apis/:apiId/models") { request, context in
            let page = try await service.models(in: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, ModelBody.init), status: .ok)
        }
        router.get("/v2/apis/:apiId/models/:modelId") { _, context in
            let model = try await service.model(try Self.modelID(context), in: try context.apiID())
            return WireJSON.response(ModelBody(model), status: .ok)
        }
        router.get("/v2/apis/:apiId/models/:modelId/template") { _, context in
            let schema = try await service.modelSchema(try Self.modelID(context), in: try context.apiID())
            return WireJSON.response(["value": ModelTemplate(schema: schema).value], status: .ok)
        }
        router.patch("/v2/apis/:apiId/models/:modelId") { request, context in
            let (apiID, modelID) = (try context.apiID(), try Self.modelID(context))
            let input = try await Self.decode(request, limit: bodyLimit)
            return WireJSON.response(ModelBody(try await service.updateModel(modelID, in: apiID, input)), status: .ok)
        }
        router.delete("/v2/apis/:apiId/models/:modelId") { _, context in
            try await service.deleteModel(try Self.modelID(context), in: try context.apiID())
            return Response(status: .noContent)
        }
    }

    /// The request's model input, its schema checked to be a JSON object.
    private static func decode(_ request: Request, limit: Int) async throws -> ModelInput {
        let input = try await WireJSON.decode(ModelInput.self, from: request, limit: limit)
        if let schema = input.schema { try StrictJSONValidator.validateSchema(schema) }
        return input
    }

    private static func modelID(_ context: RegistryRequestContext) throws(RegistryError) -> ModelID {
        try context.identifier("modelId", what: "model")
    }
}
