import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    /// The tables an API's restore rewrites, parents first, each with the column naming the API.
    private static let restoredTables: [(name: String, owner: String)] = [
        ("apis", "id"), ("api_tags", "api_id"), ("integrations", "api_id"), ("authorizers", "api_id"),
        ("models", "api_id"), ("deployments", "api_id"), ("stages", "api_id"), ("stage_tags", "api_id"),
        ("routes", "api_id"), ("route_responses", "api_id"), ("integration_responses", "api_id"),
    ]

    /// One INSERT … SELECT per restored table, from its history twin as of a bound change.
    private static let restoreStatements: [String] = restoredTables.map { table in
        let columns = HistoryTables.tables.first { $0.name == table.name }!.columns.joined(separator: ", ")
        let order = table.name.hasSuffix("_tags") ? "" : " ORDER BY seq"
        return "INSERT INTO \(table.name) (\(columns)) SELECT \(columns) FROM \(table.name)_history "
            + "WHERE \(table.owner) = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)\(order)"
    }

    func restoreAPI(_ id: APIID, asOfChange sequence: Int64) throws(RegistryError) {
        try execute("DELETE FROM api_mappings WHERE api_id = ?", [id.rawValue])
        try deleteAPI(id)
        // The rows keep their ids and sequence numbers (AUTOINCREMENT never hands those out again),
        // so pages and templates list them in their old order.
        for statement in Self.restoreStatements { try execute(statement, [id.rawValue, sequence]) }
    }
}
