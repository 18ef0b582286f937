import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectIntegration = IntegrationColumn.statements.select + " WHERE id = ? AND api_id = ?"
    private static let selectIntegrations = IntegrationColumn.statements.select + " WHERE api_id = ?"

    private func decodeIntegration(_ row: StatementRow<IntegrationColumn>) throws(RegistryError) -> Integration {
        Integration(
            id: IntegrationID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]),
            integrationType: IntegrationType(rawValue: row[.integrationType]) ?? .awsProxy,
            integrationURI: row[.integrationUri], integrationMethod: row[.integrationMethod],
            integrationSubtype: row[.integrationSubtype],
            connectionType: ConnectionType(rawValue: row[.connectionType]) ?? .internet,
            connectionID: (row[.connectionId] as String?).map(VpcLinkID.init(uncheckedRawValue:)),
            payloadFormatVersion: row[.payloadFormatVersion], timeoutInMillis: row[.timeoutMs],
            description: row[.description], credentialsArn: row[.credentialsArn],
            requestParameters: try JSONColumn.decode([String: String].self, row[.requestParameters]),
            requestTemplates: try JSONColumn.decode([String: String].self, row[.requestTemplates]),
            responseParameters: try JSONColumn.decode([String: [String: String]].self, row[.responseParameters]),
            templateSelectionExpression: row[.templateSelectionExpression],
            passthroughBehavior: (row[.passthroughBehavior] as String?).flatMap(PassthroughBehavior.init(rawValue:)),
            contentHandlingStrategy: (row[.contentHandlingStrategy] as String?)
                .flatMap(ContentHandlingStrategy.init(rawValue:)),
            tlsConfig: (row[.tlsServerName] as String?).map { TLSConfig(serverNameToVerify: $0) },
            apiGatewayManaged: row[.apiGatewayManaged])
    }

    func integration(_ id: IntegrationID, in api: APIID) throws(RegistryError) -> Integration? {
        try one(Self.selectIntegration, [id.rawValue, api.rawValue], decode: decodeIntegration)
    }

    func integrations(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Integration> {
        try self.page(Self.selectIntegrations, [api.rawValue], page, decode: decodeIntegration)
    }

    func integrationCount(of api: APIID) throws(RegistryError) -> Int {
        try count("SELECT count(*) FROM integrations WHERE api_id = ?", [api.rawValue])
    }

    func insert(_ integration: Integration) throws(RegistryError) {
        try insert(integration, into: IntegrationColumn.self)
    }

    func update(_ integration: Integration) throws(RegistryError) {
        try update(integration, in: IntegrationColumn.self)
    }

    func deleteIntegration(_ id: IntegrationID, in api: APIID) throws(RegistryError) {
        try execute("DELETE FROM integrations WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
