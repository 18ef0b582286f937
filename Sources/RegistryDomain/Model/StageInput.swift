/// The members of a CreateStage or UpdateStage request; `nil` means "not given".
public struct StageInput: Sendable, Decodable {
    /// The request member `stageName`; `nil` when the request does not give it.
    public var stageName: String?
    /// The request member `description`; `nil` when the request does not give it.
    public var description: String?
    /// The request member `deploymentId`; `nil` when the request does not give it.
    public var deploymentId: String?
    /// The request member `autoDeploy`; `nil` when the request does not give it.
    public var autoDeploy: Bool?
    /// The request member `stageVariables`; `nil` when the request does not give it.
    public var stageVariables: [String: String]?
    /// The request member `defaultRouteSettings`; `nil` when the request does not give it.
    public var defaultRouteSettings: RouteSettings?
    /// The request member `routeSettings`; `nil` when the request does not give it.
    public var routeSettings: [String: RouteSettings]?
    /// The request member `accessLogSettings`; `nil` when the request does not give it.
    public var accessLogSettings: AccessLogSettings?
    /// The request member `clientCertificateId`; `nil` when the request does not give it.
    public var clientCertificateId: String?
    /// Tags, on create only.
    public var tags: Tags?

    /// Creates an input; every member is optional.
    public init(
        stageName: String? = nil, description: String? = nil, deploymentId: String? = nil, autoDeploy: Bool? = nil,
        stageVariables: [String: String]? = nil, defaultRouteSettings: RouteSettings? = nil,
        routeSettings: [String: RouteSettings]? = nil, accessLogSettings: AccessLogSettings? = nil,
        clientCertificateId: String? = nil, tags: Tags? = nil
    ) {
        self.stageName = stageName
        self.description = description
        self.deploymentId = deploymentId
        self.autoDeploy = autoDeploy
        self.stageVariables = stageVariables
        self.defaultRouteSettings = defaultRouteSettings
        self.routeSettings = routeSettings
        self.accessLogSettings = accessLogSettings
        self.clientCertificateId = clientCertificateId
        self.tags = tags
    }
}
