import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/authorizers[/{authorizerId}]`: the authorizer operations.
struct AuthorizerEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis/:apiId/authorizers") { request, context in
            let apiID = try context.apiID()
            let input = try await WireJSON.decode(AuthorizerInput.self, from: request, limit: bodyLimit)
            let authorizer = try await service.createAuthorizer(in: apiID, input)
            return WireJSON.response(AuthorizerBody(authorizer), status: .created)
        }
        router.get("/v2/apis/:apiId/authorizers") { request, context in
            let page = try await service.authorizers(in: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, AuthorizerBody.init), status: .ok)
        }
        router.get("/v2/apis/:apiId/authorizers/:authorizerId") { _, context in
            let authorizer = try await service.authorizer(try Self.authorizerID(context), in: try context.apiID())
            return WireJSON.response(AuthorizerBody(authorizer), status: .ok)
        }
        router.patch("/v2/apis/:apiId/authorizers/:authorizerId") { request, context in
            let (apiID, id) = (try context.apiID(), try Self.authorizerID(context))
            let input = try await WireJSON.decode(AuthorizerInput.self, from: request, limit: bodyLimit)
            let authorizer = try await service.updateAuthorizer(id, in: apiID, input)
            return WireJSON.response(AuthorizerBody(authorizer), status: .ok)
        }
        router.delete("/v2/apis/:apiId/authorizers/:authorizerId") { _, context in
            try await service.deleteAuthorizer(try Self.authorizerID(context), in: try context.apiID())
            return Response(status: .noContent)
        }
    }

    private static func authorizerID(_ context: RegistryRequestContext) throws(RegistryError) -> AuthorizerID {
        try context.identifier("authorizerId", what: "authorizer")
    }
}
