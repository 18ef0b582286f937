import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let deploymentColumns = "seq, id, api_id, description, auto_deployed, created_ms"

    private func decodeDeployment(_ row: StatementRow) -> Deployment {
        Deployment(
            id: DeploymentID(uncheckedRawValue: row[1]), apiID: APIID(uncheckedRawValue: row[2]), description: row[3],
            autoDeployed: row[4], createdDate: Timestamp(millisecondsSinceEpoch: row[5]))
    }

    func deployment(_ id: DeploymentID, in api: APIID) throws -> Deployment? {
        try one(
            "SELECT \(Self.deploymentColumns) FROM deployments WHERE id = ? AND api_id = ?",
            [id.rawValue, api.rawValue], decode: decodeDeployment)
    }

    func deployments(of api: APIID, _ page: PageRequest) throws -> Page<Deployment> {
        try self.page(
            "SELECT \(Self.deploymentColumns) FROM deployments WHERE api_id = ?", [api.rawValue], page,
            decode: decodeDeployment)
    }

    func insert(_ deployment: Deployment) throws {
        try execute(
            "INSERT INTO deployments (id, api_id, description, auto_deployed, created_ms) VALUES (?, ?, ?, ?, ?)",
            [
                deployment.id.rawValue, deployment.apiID.rawValue, deployment.description, deployment.autoDeployed,
                deployment.createdDate.millisecondsSinceEpoch,
            ])
    }

    func update(_ deployment: Deployment) throws {
        try execute(
            "UPDATE deployments SET description = ? WHERE id = ? AND api_id = ?",
            [deployment.description, deployment.id.rawValue, deployment.apiID.rawValue])
    }

    func deleteDeployment(_ id: DeploymentID, in api: APIID) throws {
        try execute("DELETE FROM deployments WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
