import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let integrationColumns = """
        seq, id, api_id, integration_type, integration_uri, integration_method, integration_subtype, connection_type,
        connection_id, payload_format_version, timeout_ms, description, credentials_arn, request_parameters,
        request_templates, response_parameters, template_selection_expression, passthrough_behavior,
        content_handling_strategy, tls_server_name, api_gateway_managed
        """

    private func decodeIntegration(_ row: StatementRow) throws -> Integration {
        Integration(
            id: IntegrationID(uncheckedRawValue: row[1]), apiID: APIID(uncheckedRawValue: row[2]),
            integrationType: IntegrationType(rawValue: row[3]) ?? .awsProxy, integrationURI: row[4],
            integrationMethod: row[5], integrationSubtype: row[6],
            connectionType: ConnectionType(rawValue: row[7]) ?? .internet,
            connectionID: (row[8] as String?).map(VpcLinkID.init(uncheckedRawValue:)), payloadFormatVersion: row[9],
            timeoutInMillis: row[10], description: row[11], credentialsArn: row[12],
            requestParameters: try JSONColumn.decode([String: String].self, row[13]),
            requestTemplates: try JSONColumn.decode([String: String].self, row[14]),
            responseParameters: try JSONColumn.decode([String: [String: String]].self, row[15]),
            templateSelectionExpression: row[16],
            passthroughBehavior: (row[17] as String?).flatMap(PassthroughBehavior.init(rawValue:)),
            contentHandlingStrategy: (row[18] as String?).flatMap(ContentHandlingStrategy.init(rawValue:)),
            tlsConfig: (row[19] as String?).map { TLSConfig(serverNameToVerify: $0) }, apiGatewayManaged: row[20])
    }

    func integration(_ id: IntegrationID, in api: APIID) throws -> Integration? {
        try one(
            "SELECT \(Self.integrationColumns) FROM integrations WHERE id = ? AND api_id = ?",
            [id.rawValue, api.rawValue], decode: decodeIntegration)
    }

    func integrations(of api: APIID, _ page: PageRequest) throws -> Page<Integration> {
        try self.page(
            "SELECT \(Self.integrationColumns) FROM integrations WHERE api_id = ?", [api.rawValue], page,
            decode: decodeIntegration)
    }

    func integrationCount(of api: APIID) throws -> Int {
        try count("SELECT count(*) FROM integrations WHERE api_id = ?", [api.rawValue])
    }

    private func integrationArguments(_ integration: Integration) throws -> SQLArguments {
        [
            integration.integrationType.rawValue, integration.integrationURI, integration.integrationMethod,
            integration.integrationSubtype, integration.connectionType.rawValue, integration.connectionID?.rawValue,
            integration.payloadFormatVersion, integration.timeoutInMillis, integration.description,
            integration.credentialsArn, try JSONColumn.encode(integration.requestParameters),
            try JSONColumn.encode(integration.requestTemplates), try JSONColumn.encode(integration.responseParameters),
            integration.templateSelectionExpression, integration.passthroughBehavior?.rawValue,
            integration.contentHandlingStrategy?.rawValue, integration.tlsConfig?.serverNameToVerify,
            integration.apiGatewayManaged,
        ]
    }

    func insert(_ integration: Integration) throws {
        var arguments: SQLArguments = [integration.id.rawValue, integration.apiID.rawValue]
        arguments += try integrationArguments(integration)
        try execute(
            """
            INSERT INTO integrations (id, api_id, integration_type, integration_uri, integration_method,
                integration_subtype, connection_type, connection_id, payload_format_version, timeout_ms, description,
                credentials_arn, request_parameters, request_templates, response_parameters,
                template_selection_expression, passthrough_behavior, content_handling_strategy, tls_server_name,
                api_gateway_managed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments)
    }

    func update(_ integration: Integration) throws {
        var arguments = try integrationArguments(integration)
        arguments += [integration.id.rawValue, integration.apiID.rawValue]
        try execute(
            """
            UPDATE integrations SET integration_type = ?, integration_uri = ?, integration_method = ?,
                integration_subtype = ?, connection_type = ?, connection_id = ?, payload_format_version = ?,
                timeout_ms = ?, description = ?, credentials_arn = ?, request_parameters = ?, request_templates = ?,
                response_parameters = ?, template_selection_expression = ?, passthrough_behavior = ?,
                content_handling_strategy = ?, tls_server_name = ?, api_gateway_managed = ?
            WHERE id = ? AND api_id = ?
            """, arguments)
    }

    func deleteIntegration(_ id: IntegrationID, in api: APIID) throws {
        try execute("DELETE FROM integrations WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
