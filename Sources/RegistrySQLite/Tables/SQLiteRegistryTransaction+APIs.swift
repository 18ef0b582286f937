import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectAPI = APIColumn.statements.select + " WHERE id = ?"

    private func decodeAPI(_ row: StatementRow<APIColumn>, includingTags: Bool) throws(RegistryError) -> API {
        let id = APIID(uncheckedRawValue: row[.id])
        return API(
            id: id, name: row[.name], protocolType: ProtocolType(rawValue: row[.protocolType]) ?? .http,
            description: row[.description], routeSelectionExpression: row[.routeSelectionExpression],
            apiKeySelectionExpression: row[.apiKeySelectionExpression],
            corsConfiguration: try JSONColumn.decode(CorsConfiguration.self, row[.corsConfiguration]),
            disableExecuteApiEndpoint: row[.disableExecuteApiEndpoint],
            disableSchemaValidation: row[.disableSchemaValidation], version: row[.version],
            ipAddressType: IPAddressType(rawValue: row[.ipAddressType]) ?? .ipv4,
            tags: includingTags ? try tags(ofAPI: id) : [:],
            createdDate: Timestamp(millisecondsSinceEpoch: row[.createdMs]))
    }

    func api(_ id: APIID) throws(RegistryError) -> API? { try api(id, includingTags: true) }

    func untaggedAPI(_ id: APIID) throws(RegistryError) -> API? { try api(id, includingTags: false) }

    private func api(_ id: APIID, includingTags: Bool) throws(RegistryError) -> API? {
        try one(Self.selectAPI, [id.rawValue]) { row throws(RegistryError) in
            try decodeAPI(row, includingTags: includingTags)
        }
    }

    func apis(_ page: PageRequest, filter: APIFilter) throws(RegistryError) -> Page<API> {
        var sql = APIColumn.statements.select + " WHERE 1"
        var arguments: SQLArguments = []
        if let prefix = filter.namePrefix {
            sql += " AND substr(name, 1, length(?)) = ?"
            arguments += [prefix, prefix]
        }
        if let tag = filter.tag {
            sql += " AND EXISTS (SELECT 1 FROM api_tags t WHERE t.api_id = apis.id AND t.key = ? AND t.value = ?)"
            arguments += [tag.key, tag.value]
        }
        return try self.page(sql, arguments, page) { row throws(RegistryError) in
            try decodeAPI(row, includingTags: true)
        }
    }

    func apis(usingVpcLink id: VpcLinkID) throws(RegistryError) -> [APIID] {
        try strings("SELECT DISTINCT api_id FROM integrations WHERE connection_id = ? ORDER BY api_id", [id.rawValue])
            .map(APIID.init(uncheckedRawValue:))
    }

    func insert(_ api: API) throws(RegistryError) {
        try insert(api, into: APIColumn.self)
        try replaceTags(of: .api(api.id), with: api.tags)
    }

    func update(_ api: API) throws(RegistryError) {
        try update(api, in: APIColumn.self)
    }

    func deleteAPI(_ id: APIID) throws(RegistryError) {
        // Routes and stages go first: they hold RESTRICT references to integrations, authorizers and
        // deployments, which the API's own cascade removes in an order SQLite does not promise.
        try execute("DELETE FROM routes WHERE api_id = ?", [id.rawValue])
        try execute("DELETE FROM stages WHERE api_id = ?", [id.rawValue])
        try execute("DELETE FROM apis WHERE id = ?", [id.rawValue])
    }
}
