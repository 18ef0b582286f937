import Hummingbird
import RegistryDomain

/// `/v2/apis/{apiId}/deployments[/{deploymentId}]`: the deployment operations.
struct DeploymentEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/apis/:apiId/deployments") { request, context in
            let apiID = try context.apiID()
            let input = try await WireJSON.decode(DeploymentInput.self, from: request, limit: bodyLimit)
            let deployment = try await service.createDeployment(in: apiID, input)
            return WireJSON.response(DeploymentBody(deployment), status: .created)
        }
        router.get("/v2/apis/:apiId/deployments") { request, context in
            let page = try await service.deployments(in: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, DeploymentBody.init), status: .ok)
        }
        router.get("/v2/apis/:apiId/deployments/:deploymentId") { _, context in
            let deployment = try await service.deployment(try Self.deploymentID(context), in: try context.apiID())
            return WireJSON.response(DeploymentBody(deployment), status: .ok)
        }
        router.patch("/v2/apis/:apiId/deployments/:deploymentId") { request, context in
            let (apiID, id) = (try context.apiID(), try Self.deploymentID(context))
            let input = try await WireJSON.decode(DeploymentInput.self, from: request, limit: bodyLimit)
            let deployment = try await service.updateDeployment(id, in: apiID, input)
            return WireJSON.response(DeploymentBody(deployment), status: .ok)
        }
        router.delete("/v2/apis/:apiId/deployments/:deploymentId") { _, context in
            try await service.deleteDeployment(try Self.deploymentID(context), in: try context.apiID())
            return Response(status: .noContent)
        }
    }

    private static func deploymentID(_ context: RegistryRequestContext) throws(RegistryError) -> DeploymentID {
        try context.identifier("deploymentId", what: "deployment")
    }
}
