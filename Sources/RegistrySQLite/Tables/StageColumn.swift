import RegistryDomain

/// The `stages` table's columns, and what each stores of a ``Stage`` (its tags live in `stage_tags`).
enum StageColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case name
    case description
    case deploymentId
    case autoDeploy
    case stageVariables
    case defaultRouteSettings
    case routeSettings
    case accessLogSettings
    case clientCertificateId
    case apiGatewayManaged
    case createdMs
    case updatedMs
    case lastDeploymentStatusMessage

    static let table = "stages"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .name]
    static let writtenOnce: Set<Self> = [.createdMs]

    func value(in stage: Stage) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("stages.seq is assigned by SQLite")
        case .apiId: stage.apiID.rawValue
        case .name: stage.name.rawValue
        case .description: stage.description
        case .deploymentId: stage.deploymentID?.rawValue
        case .autoDeploy: stage.autoDeploy
        case .stageVariables: try JSONColumn.encode(stage.stageVariables)
        case .defaultRouteSettings: try JSONColumn.encode(stage.defaultRouteSettings)
        case .routeSettings: try JSONColumn.encode(stage.routeSettings)
        case .accessLogSettings: try JSONColumn.encode(stage.accessLogSettings)
        case .clientCertificateId: stage.clientCertificateID
        case .apiGatewayManaged: stage.apiGatewayManaged
        case .createdMs: stage.createdDate.millisecondsSinceEpoch
        case .updatedMs: stage.lastUpdatedDate.millisecondsSinceEpoch
        case .lastDeploymentStatusMessage: stage.lastDeploymentStatusMessage
        }
    }
}
