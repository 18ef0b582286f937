import Hummingbird
import RegistryDomain

/// `/v2/tags/{resource-arn}`: TagResource, GetTags, UntagResource (the ARN is one encoded segment).
struct TagEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    private struct TagsBody: Codable {
        var tags: Tags?
    }

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/v2/tags/:resourceArn") { _, context in
            let tags = try await service.tags(of: try Self.resource(context))
            return WireJSON.response(TagsBody(tags: tags), status: .ok)
        }
        router.post("/v2/tags/:resourceArn") { request, context in
            let resource = try Self.resource(context)
            let body = try await WireJSON.decode(TagsBody.self, from: request, limit: bodyLimit)
            try await service.tag(resource, with: body.tags ?? [:])
            return WireJSON.response([String: String](), status: .created)
        }
        router.delete("/v2/tags/:resourceArn") { request, context in
            let keys = request.uri.queryParameters.getAll("tagKeys").map { String($0) }
            try await service.untag(try Self.resource(context), keys: keys)
            return Response(status: .noContent)
        }
    }

    private static func resource(_ context: RegistryRequestContext) throws(RegistryError) -> TaggedResource {
        try TaggedResource(arn: context.pathParameter("resourceArn"))
    }
}
