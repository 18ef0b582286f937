/// An API a template declares with everything of it the template declares: its routes,
/// integrations and authorizers (as an OpenAPI import plans them), models, route and integration
/// responses, deployments and stages, each referring to the others by key.
public struct ImportedAPI: Sendable {
    /// The key others refer to it by (a template's logical ID).
    public var key: String
    /// Where the template declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The API (its `protocolType` given) with its authorizers, integrations and routes.
    public var plan: APIImportPlan
    /// Its models (routes and route responses name them by name).
    public var models: [ImportedResource<ModelInput>]
    /// Its route responses, each with its route's key.
    public var routeResponses: [ImportedResponse<RouteResponseInput>]
    /// Its integration responses, each with its integration's key.
    public var integrationResponses: [ImportedResponse<IntegrationResponseInput>]
    /// Its deployments (a deployment's `stageName` deploys that stage once it is made).
    public var deployments: [ImportedResource<DeploymentInput>]
    /// Its stages.
    public var stages: [ImportedStage]

    /// Creates an imported API.
    public init(
        key: String, pointer: String, plan: APIImportPlan, models: [ImportedResource<ModelInput>] = [],
        routeResponses: [ImportedResponse<RouteResponseInput>] = [],
        integrationResponses: [ImportedResponse<IntegrationResponseInput>] = [],
        deployments: [ImportedResource<DeploymentInput>] = [], stages: [ImportedStage] = []
    ) {
        self.key = key
        self.pointer = pointer
        self.plan = plan
        self.models = models
        self.routeResponses = routeResponses
        self.integrationResponses = integrationResponses
        self.deployments = deployments
        self.stages = stages
    }
}
