import Hummingbird
import RegistryDomain

/// `/v2/vpclinks[/{vpcLinkId}]`: the VPC link operations (DeleteVpcLink answers 202, as AWS).
struct VpcLinkEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/vpclinks") { request, _ in
            let input = try await WireJSON.decode(VpcLinkInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(VpcLinkBody(try await service.createVpcLink(input)), status: .created)
        }
        router.get("/v2/vpclinks") { request, _ in
            let page = try await service.vpcLinks(try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, VpcLinkBody.init), status: .ok)
        }
        router.get("/v2/vpclinks/:vpcLinkId") { _, context in
            WireJSON.response(VpcLinkBody(try await service.vpcLink(try Self.vpcLinkID(context))), status: .ok)
        }
        router.patch("/v2/vpclinks/:vpcLinkId") { request, context in
            let id = try Self.vpcLinkID(context)
            let input = try await WireJSON.decode(VpcLinkInput.self, from: request, limit: bodyLimit)
            return WireJSON.response(VpcLinkBody(try await service.updateVpcLink(id, input)), status: .ok)
        }
        router.delete("/v2/vpclinks/:vpcLinkId") { _, context in
            try await service.deleteVpcLink(try Self.vpcLinkID(context))
            return WireJSON.response([String: String](), status: .accepted)
        }
    }

    private static func vpcLinkID(_ context: RegistryRequestContext) throws(RegistryError) -> VpcLinkID {
        try context.identifier("vpcLinkId", what: "VPC link")
    }
}
