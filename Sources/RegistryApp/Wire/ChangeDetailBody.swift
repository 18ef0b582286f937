import RegistryDomain

/// The wire form of GetChange: the audit log's item for the change, with `before` and `after`,
/// the resource as its Get operation answered right before and right after the change (each left
/// out where the resource did not exist).
struct ChangeDetailBody: Encodable {
    let change: ChangeBody
    let before: ResourceBody?
    let after: ResourceBody?

    /// The wire form of `detail`, as seen from `region`.
    init(_ detail: ChangeDetail, region: String) {
        change = ChangeBody.auditLogItem(detail.change)
        before = detail.before.map { ResourceBody($0, region: region) }
        after = detail.after.map { ResourceBody($0, region: region) }
    }

    private enum CodingKeys: String, CodingKey {
        case before
        case after
    }

    func encode(to encoder: any Encoder) throws {
        try change.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(before, forKey: .before)
        try container.encodeIfPresent(after, forKey: .after)
    }
}

/// The wire form of one resource, as its Get operation answers.
enum ResourceBody: Encodable {
    case api(APIBody)
    case route(RouteBody)
    case integration(IntegrationBody)
    case stage(StageBody)
    case deployment(DeploymentBody)
    case authorizer(AuthorizerBody)
    case model(ModelBody)
    case routeResponse(RouteResponseBody)
    case integrationResponse(IntegrationResponseBody)
    case vpcLink(VpcLinkBody)
    case domainName(DomainNameBody)
    case apiMapping(APIMappingBody)

    /// The wire form of `state`, as seen from `region`.
    init(_ state: ResourceState, region: String) {
        switch state {
        case .api(let api): self = .api(APIBody(api, region: region))
        case .route(let route): self = .route(RouteBody(route))
        case .integration(let integration): self = .integration(IntegrationBody(integration))
        case .stage(let stage): self = .stage(StageBody(stage))
        case .deployment(let deployment): self = .deployment(DeploymentBody(deployment))
        case .authorizer(let authorizer): self = .authorizer(AuthorizerBody(authorizer))
        case .model(let model): self = .model(ModelBody(model))
        case .routeResponse(let response): self = .routeResponse(RouteResponseBody(response))
        case .integrationResponse(let response): self = .integrationResponse(IntegrationResponseBody(response))
        case .vpcLink(let link): self = .vpcLink(VpcLinkBody(link))
        case .domainName(let name): self = .domainName(DomainNameBody(name, region: region))
        case .apiMapping(let mapping): self = .apiMapping(APIMappingBody(mapping))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .api(let body): try body.encode(to: encoder)
        case .route(let body): try body.encode(to: encoder)
        case .integration(let body): try body.encode(to: encoder)
        case .stage(let body): try body.encode(to: encoder)
        case .deployment(let body): try body.encode(to: encoder)
        case .authorizer(let body): try body.encode(to: encoder)
        case .model(let body): try body.encode(to: encoder)
        case .routeResponse(let body): try body.encode(to: encoder)
        case .integrationResponse(let body): try body.encode(to: encoder)
        case .vpcLink(let body): try body.encode(to: encoder)
        case .domainName(let body): try body.encode(to: encoder)
        case .apiMapping(let body): try body.encode(to: encoder)
        }
    }
}
