/// The members of a CreateStage or UpdateStage request; `nil` means "not given".
public struct StageInput: Sendable, Decodable {
    public var stageName: String?
    public var description: String?
    public var deploymentId: String?
    public var autoDeploy: Bool?
    public var stageVariables: [String: String]?
    public var defaultRouteSettings: RouteSettings?
    public var routeSettings: [String: RouteSettings]?
    public var accessLogSettings: AccessLogSettings?
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
