import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectStage = StageColumn.statements.select + " WHERE api_id = ? AND name = ?"
    private static let selectStages = StageColumn.statements.select + " WHERE api_id = ?"

    private func decodeStage(_ row: StatementRow<StageColumn>) throws(RegistryError) -> Stage {
        let apiID = APIID(uncheckedRawValue: row[.apiId])
        let name = StageName(uncheckedRawValue: row[.name])
        return Stage(
            apiID: apiID, name: name, description: row[.description],
            deploymentID: (row[.deploymentId] as String?).map(DeploymentID.init(uncheckedRawValue:)),
            autoDeploy: row[.autoDeploy],
            stageVariables: try JSONColumn.decode([String: String].self, row[.stageVariables]),
            defaultRouteSettings: try JSONColumn.decode(RouteSettings.self, row[.defaultRouteSettings]),
            routeSettings: try JSONColumn.decode([String: RouteSettings].self, row[.routeSettings]),
            accessLogSettings: try JSONColumn.decode(AccessLogSettings.self, row[.accessLogSettings]),
            clientCertificateID: row[.clientCertificateId], tags: try tags(ofStage: name, in: apiID),
            apiGatewayManaged: row[.apiGatewayManaged], createdDate: Timestamp(millisecondsSinceEpoch: row[.createdMs]),
            lastUpdatedDate: Timestamp(millisecondsSinceEpoch: row[.updatedMs]),
            lastDeploymentStatusMessage: row[.lastDeploymentStatusMessage])
    }

    func stage(_ name: StageName, in api: APIID) throws(RegistryError) -> Stage? {
        try one(Self.selectStage, [api.rawValue, name.rawValue], decode: decodeStage)
    }

    func stages(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Stage> {
        try self.page(Self.selectStages, [api.rawValue], page, decode: decodeStage)
    }

    func autoDeployStages(of api: APIID) throws(RegistryError) -> [Stage] {
        try all(Self.selectStages + " AND auto_deploy = 1 ORDER BY seq", [api.rawValue], decode: decodeStage)
    }

    func stageCount(of api: APIID) throws(RegistryError) -> Int {
        try count("SELECT count(*) FROM stages WHERE api_id = ?", [api.rawValue])
    }

    func stages(serving deployment: DeploymentID, in api: APIID) throws(RegistryError) -> [StageName] {
        try strings(
            "SELECT name FROM stages WHERE api_id = ? AND deployment_id = ? ORDER BY seq",
            [api.rawValue, deployment.rawValue]
        ).map(StageName.init(uncheckedRawValue:))
    }

    func insert(_ stage: Stage) throws(RegistryError) {
        try insert(stage, into: StageColumn.self)
        try replaceTags(of: .stage(stage.apiID, stage.name), with: stage.tags)
    }

    func update(_ stage: Stage) throws(RegistryError) {
        try update(stage, in: StageColumn.self)
    }

    func deleteStage(_ name: StageName, in api: APIID) throws(RegistryError) {
        try execute("DELETE FROM stages WHERE api_id = ? AND name = ?", [api.rawValue, name.rawValue])
    }
}
