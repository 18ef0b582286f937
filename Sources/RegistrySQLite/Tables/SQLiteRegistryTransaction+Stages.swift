import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let stageColumns = """
        seq, api_id, name, description, deployment_id, auto_deploy, stage_variables, default_route_settings,
        route_settings, access_log_settings, client_certificate_id, api_gateway_managed, created_ms, updated_ms,
        last_deployment_status_message
        """

    private func decodeStage(_ row: StatementRow) throws -> Stage {
        let apiID = APIID(uncheckedRawValue: row[1])
        let name = StageName(uncheckedRawValue: row[2])
        return Stage(
            apiID: apiID, name: name, description: row[3],
            deploymentID: (row[4] as String?).map(DeploymentID.init(uncheckedRawValue:)), autoDeploy: row[5],
            stageVariables: try JSONColumn.decode([String: String].self, row[6]),
            defaultRouteSettings: try JSONColumn.decode(RouteSettings.self, row[7]),
            routeSettings: try JSONColumn.decode([String: RouteSettings].self, row[8]),
            accessLogSettings: try JSONColumn.decode(AccessLogSettings.self, row[9]), clientCertificateID: row[10],
            tags: try tags(
                "SELECT key, value FROM stage_tags WHERE api_id = ? AND stage_name = ?",
                [apiID.rawValue, name.rawValue]),
            apiGatewayManaged: row[11], createdDate: Timestamp(millisecondsSinceEpoch: row[12]),
            lastUpdatedDate: Timestamp(millisecondsSinceEpoch: row[13]), lastDeploymentStatusMessage: row[14])
    }

    func stage(_ name: StageName, in api: APIID) throws -> Stage? {
        try one(
            "SELECT \(Self.stageColumns) FROM stages WHERE api_id = ? AND name = ?", [api.rawValue, name.rawValue],
            decode: decodeStage)
    }

    func stages(of api: APIID, _ page: PageRequest) throws -> Page<Stage> {
        try self.page(
            "SELECT \(Self.stageColumns) FROM stages WHERE api_id = ?", [api.rawValue], page, decode: decodeStage)
    }

    func autoDeployStages(of api: APIID) throws -> [Stage] {
        try all(
            "SELECT \(Self.stageColumns) FROM stages WHERE api_id = ? AND auto_deploy = 1 ORDER BY seq", [api.rawValue],
            decode: decodeStage)
    }

    func stageCount(of api: APIID) throws -> Int {
        try count("SELECT count(*) FROM stages WHERE api_id = ?", [api.rawValue])
    }

    func stages(serving deployment: DeploymentID, in api: APIID) throws -> [StageName] {
        try all(
            "SELECT name FROM stages WHERE api_id = ? AND deployment_id = ? ORDER BY seq",
            [api.rawValue, deployment.rawValue]
        ) { row in row[0] as String }.map(StageName.init(uncheckedRawValue:))
    }

    private func stageArguments(_ stage: Stage) throws -> SQLArguments {
        [
            stage.description, stage.deploymentID?.rawValue, stage.autoDeploy,
            try JSONColumn.encode(stage.stageVariables),
            try JSONColumn.encode(stage.defaultRouteSettings), try JSONColumn.encode(stage.routeSettings),
            try JSONColumn.encode(stage.accessLogSettings), stage.clientCertificateID, stage.apiGatewayManaged,
            stage.lastUpdatedDate.millisecondsSinceEpoch, stage.lastDeploymentStatusMessage,
        ]
    }

    func insert(_ stage: Stage) throws {
        var arguments: SQLArguments = [stage.apiID.rawValue, stage.name.rawValue]
        arguments += try stageArguments(stage)
        arguments += [stage.createdDate.millisecondsSinceEpoch]
        try execute(
            """
            INSERT INTO stages (api_id, name, description, deployment_id, auto_deploy, stage_variables,
                default_route_settings, route_settings, access_log_settings, client_certificate_id,
                api_gateway_managed, updated_ms, last_deployment_status_message, created_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments)
        try replaceTags(of: .stage(stage.apiID, stage.name), with: stage.tags)
    }

    func update(_ stage: Stage) throws {
        var arguments = try stageArguments(stage)
        arguments += [stage.apiID.rawValue, stage.name.rawValue]
        try execute(
            """
            UPDATE stages SET description = ?, deployment_id = ?, auto_deploy = ?, stage_variables = ?,
                default_route_settings = ?, route_settings = ?, access_log_settings = ?, client_certificate_id = ?,
                api_gateway_managed = ?, updated_ms = ?, last_deployment_status_message = ?
            WHERE api_id = ? AND name = ?
            """, arguments)
    }

    func deleteStage(_ name: StageName, in api: APIID) throws {
        try execute("DELETE FROM stages WHERE api_id = ? AND name = ?", [api.rawValue, name.rawValue])
    }
}
