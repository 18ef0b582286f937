import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let apiColumns = """
        seq, id, name, protocol_type, description, route_selection_expression, api_key_selection_expression,
        cors_configuration, disable_execute_api_endpoint, disable_schema_validation, version, ip_address_type,
        created_ms
        """

    private func decodeAPI(_ row: StatementRow, includingTags: Bool) throws -> API {
        let id = APIID(uncheckedRawValue: row[1])
        return API(
            id: id, name: row[2], protocolType: ProtocolType(rawValue: row[3]) ?? .http, description: row[4],
            routeSelectionExpression: row[5], apiKeySelectionExpression: row[6],
            corsConfiguration: try JSONColumn.decode(CorsConfiguration.self, row[7]),
            disableExecuteApiEndpoint: row[8], disableSchemaValidation: row[9], version: row[10],
            ipAddressType: IPAddressType(rawValue: row[11]) ?? .ipv4,
            tags: includingTags ? try tags("SELECT key, value FROM api_tags WHERE api_id = ?", [id.rawValue]) : [:],
            createdDate: Timestamp(millisecondsSinceEpoch: row[12]))
    }

    func api(_ id: APIID) throws -> API? { try api(id, includingTags: true) }

    func untaggedAPI(_ id: APIID) throws -> API? { try api(id, includingTags: false) }

    private func api(_ id: APIID, includingTags: Bool) throws -> API? {
        try one("SELECT \(Self.apiColumns) FROM apis WHERE id = ?", [id.rawValue]) { row in
            try decodeAPI(row, includingTags: includingTags)
        }
    }

    func apis(_ page: PageRequest, filter: APIFilter) throws -> Page<API> {
        var sql = "SELECT \(Self.apiColumns) FROM apis WHERE 1"
        var arguments: SQLArguments = []
        if let prefix = filter.namePrefix {
            sql += " AND substr(name, 1, length(?)) = ?"
            arguments += [prefix, prefix]
        }
        if let tag = filter.tag {
            sql += " AND EXISTS (SELECT 1 FROM api_tags t WHERE t.api_id = apis.id AND t.key = ? AND t.value = ?)"
            arguments += [tag.key, tag.value]
        }
        return try self.page(sql, arguments, page) { row in try decodeAPI(row, includingTags: true) }
    }

    func apis(usingVpcLink id: VpcLinkID) throws -> [APIID] {
        try all("SELECT DISTINCT api_id FROM integrations WHERE connection_id = ? ORDER BY api_id", [id.rawValue]) {
            row in row[0] as String
        }.map(APIID.init(uncheckedRawValue:))
    }

    private func apiArguments(_ api: API) throws -> SQLArguments {
        [
            api.name, api.protocolType.rawValue, api.description, api.routeSelectionExpression,
            api.apiKeySelectionExpression, try JSONColumn.encode(api.corsConfiguration), api.disableExecuteApiEndpoint,
            api.disableSchemaValidation, api.version, api.ipAddressType.rawValue,
        ]
    }

    func insert(_ api: API) throws {
        var arguments: SQLArguments = [api.id.rawValue]
        arguments += try apiArguments(api)
        arguments += [api.createdDate.millisecondsSinceEpoch]
        try execute(
            """
            INSERT INTO apis (id, name, protocol_type, description, route_selection_expression,
                api_key_selection_expression, cors_configuration, disable_execute_api_endpoint,
                disable_schema_validation, version, ip_address_type, created_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments)
        try replaceTags(of: .api(api.id), with: api.tags)
    }

    func update(_ api: API) throws {
        var arguments = try apiArguments(api)
        arguments += [api.id.rawValue]
        try execute(
            """
            UPDATE apis SET name = ?, protocol_type = ?, description = ?, route_selection_expression = ?,
                api_key_selection_expression = ?, cors_configuration = ?, disable_execute_api_endpoint = ?,
                disable_schema_validation = ?, version = ?, ip_address_type = ?
            WHERE id = ?
            """, arguments)
    }

    func deleteAPI(_ id: APIID) throws {
        // Routes and stages go first: they hold RESTRICT references to integrations, authorizers and
        // deployments, which the API's own cascade removes in an order SQLite does not promise.
        try execute("DELETE FROM routes WHERE api_id = ?", [id.rawValue])
        try execute("DELETE FROM stages WHERE api_id = ?", [id.rawValue])
        try execute("DELETE FROM apis WHERE id = ?", [id.rawValue])
    }
}
