/// Everything the registry knows about one API, read in one consistent snapshot: the input of
/// template synthesis.
public struct APISnapshot: Hashable, Sendable {
    /// The API.
    public var api: API
    /// Its routes, in creation order.
    public var routes: [Route]
    /// Its integrations, in creation order.
    public var integrations: [Integration]
    /// Its stages, in creation order.
    public var stages: [Stage]
    /// Its authorizers, in creation order.
    public var authorizers: [Authorizer]
    /// The VPC links its integrations use, in creation order.
    public var vpcLinks: [VpcLink]
    /// The API mappings that serve its stages on custom domain names, in creation order.
    public var apiMappings: [APIMapping]

    /// Creates a snapshot from its parts.
    public init(
        api: API, routes: [Route] = [], integrations: [Integration] = [], stages: [Stage] = [],
        authorizers: [Authorizer] = [], vpcLinks: [VpcLink] = [], apiMappings: [APIMapping] = []
    ) {
        self.api = api
        self.routes = routes
        self.integrations = integrations
        self.stages = stages
        self.authorizers = authorizers
        self.vpcLinks = vpcLinks
        self.apiMappings = apiMappings
    }
}
