/// A stage: a named, deployable snapshot of an API's configuration.
public struct Stage: Hashable, Sendable {
    /// The API the stage belongs to.
    public var apiID: APIID
    /// The stage's name, unique within the API.
    public var name: StageName
    /// A description, at most 1024 characters.
    public var description: String?
    /// The deployment the stage serves; it belongs to the same API.
    public var deploymentID: DeploymentID?
    /// Whether every change to the API is deployed to this stage automatically.
    public var autoDeploy: Bool
    /// Stage variables.
    public var stageVariables: [String: String]?
    /// Default route settings.
    public var defaultRouteSettings: RouteSettings?
    /// Route settings by route key.
    public var routeSettings: [String: RouteSettings]?
    /// Access-log settings.
    public var accessLogSettings: AccessLogSettings?
    /// The client certificate (WebSocket APIs).
    public var clientCertificateID: String?
    /// The stage's tags.
    public var tags: Tags
    /// Whether API Gateway manages the stage (created by quick create).
    public var apiGatewayManaged: Bool
    /// When the stage was created.
    public var createdDate: Timestamp
    /// When the stage was last changed.
    public var lastUpdatedDate: Timestamp
    /// The outcome of the last automatic deployment, if any.
    public var lastDeploymentStatusMessage: String?

    /// Creates a stage value; rules are checked by the use cases, not here.
    public init(
        apiID: APIID, name: StageName, description: String? = nil, deploymentID: DeploymentID? = nil,
        autoDeploy: Bool = false, stageVariables: [String: String]? = nil, defaultRouteSettings: RouteSettings? = nil,
        routeSettings: [String: RouteSettings]? = nil, accessLogSettings: AccessLogSettings? = nil,
        clientCertificateID: String? = nil, tags: Tags = [:], apiGatewayManaged: Bool = false,
        createdDate: Timestamp, lastUpdatedDate: Timestamp, lastDeploymentStatusMessage: String? = nil
    ) {
        self.apiID = apiID
        self.name = name
        self.description = description
        self.deploymentID = deploymentID
        self.autoDeploy = autoDeploy
        self.stageVariables = stageVariables
        self.defaultRouteSettings = defaultRouteSettings
        self.routeSettings = routeSettings
        self.accessLogSettings = accessLogSettings
        self.clientCertificateID = clientCertificateID
        self.tags = tags
        self.apiGatewayManaged = apiGatewayManaged
        self.createdDate = createdDate
        self.lastUpdatedDate = lastUpdatedDate
        self.lastDeploymentStatusMessage = lastDeploymentStatusMessage
    }
}
