import RegistryDomain

/// The `deployments` table's columns, and what each stores of a ``Deployment`` (only its
/// description changes after it is created).
enum DeploymentColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case id
    case description
    case autoDeployed
    case createdMs

    static let table = "deployments"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .id]
    static let writtenOnce: Set<Self> = [.autoDeployed, .createdMs]

    func value(in deployment: Deployment) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("deployments.seq is assigned by SQLite")
        case .apiId: deployment.apiID.rawValue
        case .id: deployment.id.rawValue
        case .description: deployment.description
        case .autoDeployed: deployment.autoDeployed
        case .createdMs: deployment.createdDate.millisecondsSinceEpoch
        }
    }
}
