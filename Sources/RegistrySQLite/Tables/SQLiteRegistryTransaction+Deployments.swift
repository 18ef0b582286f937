import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectDeployment = DeploymentColumn.statements.select + " WHERE id = ? AND api_id = ?"
    private static let selectDeployments = DeploymentColumn.statements.select + " WHERE api_id = ?"

    private func decodeDeployment(_ row: StatementRow<DeploymentColumn>) -> Deployment {
        Deployment(
            id: DeploymentID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]),
            description: row[.description], autoDeployed: row[.autoDeployed],
            createdDate: Timestamp(millisecondsSinceEpoch: row[.createdMs]))
    }

    func deployment(_ id: DeploymentID, in api: APIID) throws(RegistryError) -> Deployment? {
        try one(Self.selectDeployment, [id.rawValue, api.rawValue], decode: decodeDeployment)
    }

    func deployments(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Deployment> {
        try self.page(Self.selectDeployments, [api.rawValue], page, decode: decodeDeployment)
    }

    func insert(_ deployment: Deployment) throws(RegistryError) {
        try insert(deployment, into: DeploymentColumn.self)
    }

    func update(_ deployment: Deployment) throws(RegistryError) {
        try update(deployment, in: DeploymentColumn.self)
    }

    func deleteDeployment(_ id: DeploymentID, in api: APIID) throws(RegistryError) {
        try execute("DELETE FROM deployments WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
