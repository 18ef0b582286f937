import RegistryDomain

/// The wire form of a stage.
struct StageBody: Encodable {
    let accessLogSettings: AccessLogSettings?
    let apiGatewayManaged: Bool?
    let autoDeploy: Bool
    let clientCertificateId: String?
    let createdDate: String
    let defaultRouteSettings: RouteSettings?
    let deploymentId: String?
    let description: String?
    let lastDeploymentStatusMessage: String?
    let lastUpdatedDate: String
    let routeSettings: [String: RouteSettings]?
    let stageName: String
    let stageVariables: [String: String]?
    let tags: Tags

    /// The wire form of `stage`.
    init(_ stage: Stage) {
        accessLogSettings = stage.accessLogSettings
        apiGatewayManaged = stage.apiGatewayManaged ? true : nil
        autoDeploy = stage.autoDeploy
        clientCertificateId = stage.clientCertificateID
        createdDate = stage.createdDate.iso8601
        defaultRouteSettings = stage.defaultRouteSettings
        deploymentId = stage.deploymentID?.rawValue
        description = stage.description
        lastDeploymentStatusMessage = stage.lastDeploymentStatusMessage
        lastUpdatedDate = stage.lastUpdatedDate.iso8601
        routeSettings = stage.routeSettings
        stageName = stage.name.rawValue
        stageVariables = stage.stageVariables
        tags = stage.tags
    }
}
