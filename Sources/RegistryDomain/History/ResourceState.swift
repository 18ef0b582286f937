/// One resource as a change record names it, as it stood at one moment: what a change's before and
/// after show (the same entity the resource's Get operation answers with).
public enum ResourceState: Hashable, Sendable {
    /// An API, with its tags.
    case api(API)
    /// A route.
    case route(Route)
    /// An integration.
    case integration(Integration)
    /// A stage, with its tags and AWS's defaults for its API's protocol.
    case stage(Stage)
    /// A deployment.
    case deployment(Deployment)
    /// An authorizer.
    case authorizer(Authorizer)
    /// A model.
    case model(Model)
    /// A route response.
    case routeResponse(RouteResponse)
    /// An integration response.
    case integrationResponse(IntegrationResponse)
    /// A VPC link, with its tags.
    case vpcLink(VpcLink)
    /// A custom domain name, with its tags.
    case domainName(DomainName)
    /// An API mapping.
    case apiMapping(APIMapping)
}
