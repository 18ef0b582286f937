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
    /// Its models (WebSocket APIs), in creation order.
    public var models: [Model]
    /// The responses of its routes (WebSocket APIs), in creation order.
    public var routeResponses: [RouteResponse]
    /// The responses of its integrations (WebSocket APIs), in creation order.
    public var integrationResponses: [IntegrationResponse]

    /// Creates a snapshot from its parts.
    public init(
        api: API, routes: [Route] = [], integrations: [Integration] = [], stages: [Stage] = [],
        authorizers: [Authorizer] = [], vpcLinks: [VpcLink] = [], apiMappings: [APIMapping] = [],
        models: [Model] = [], routeResponses: [RouteResponse] = [], integrationResponses: [IntegrationResponse] = []
    ) {
        self.api = api
        self.routes = routes
        self.integrations = integrations
        self.stages = stages
        self.authorizers = authorizers
        self.vpcLinks = vpcLinks
        self.apiMappings = apiMappings
        self.models = models
        self.routeResponses = routeResponses
        self.integrationResponses = integrationResponses
    }
}
