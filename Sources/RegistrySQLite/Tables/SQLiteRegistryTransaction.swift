import GRDB
import RegistryDomain

/// The store port over one GRDB connection inside a transaction (read-only or read-write).
///
/// Rows are decoded by hand from cached statements: the hot paths of the registry are single-row
/// reads and small pages, where the query interface's generic decoding costs more than the query.
struct SQLiteRegistryTransaction: RegistryWriteTransaction {
    /// The connection, valid only inside the store's read or write closure.
    let db: Database

    init(_ db: Database) { self.db = db }

    func isTaken(_ id: some EntityIdentifier) throws -> Bool {
        let table: String
        switch id {
        case is APIID: table = "apis"
        case is RouteID: table = "routes"
        case is IntegrationID: table = "integrations"
        case is AuthorizerID: table = "authorizers"
        case is DeploymentID: table = "deployments"
        case is VpcLinkID: table = "vpc_links"
        default: preconditionFailure("isTaken: no table for \(type(of: id))")
        }
        return try count("SELECT count(*) FROM \(table) WHERE id = ?", [id.rawValue]) > 0
    }

    /// Reads one page of rows whose first column is `seq`.
    ///
    /// `sql` is a SELECT ending in a WHERE clause; the keyset condition, order and limit are appended.
    func page<Item>(
        _ sql: String, _ arguments: SQLArguments, _ request: PageRequest, decode: (StatementRow) throws -> Item
    ) throws -> Page<Item> {
        let statement = try db.cachedStatement(sql: sql + " AND seq > ? ORDER BY seq LIMIT ?")
        var all = arguments
        all += [request.after?.lastSequence ?? 0, request.maxResults + 1]
        var items: [Item] = []
        var lastSequence: Int64 = 0
        // The row is read inside the loop, before the next step moves the statement on; the one row
        // past the page only says that there is a next page, so it is never decoded.
        let rows = try DecodingCursor(statement, arguments: all) { row in row }
        while let row = try rows.next() {
            if items.count == request.maxResults {
                return Page(items: items, next: PageCursor(lastSequence: lastSequence))
            }
            lastSequence = row[0]
            items.append(try decode(row))
        }
        return Page(items: items, next: nil)
    }

    /// Reads at most one row.
    func one<Item>(
        _ sql: String, _ arguments: SQLArguments, decode: @escaping (StatementRow) throws -> Item
    ) throws -> Item? {
        try all(sql, arguments, decode: decode).first
    }

    /// Reads every row, stepping the statement to its end.
    func all<Item>(
        _ sql: String, _ arguments: SQLArguments, decode: @escaping (StatementRow) throws -> Item
    ) throws -> [Item] {
        try Array(DecodingCursor(db.cachedStatement(sql: sql), arguments: arguments, decode: decode))
    }

    /// Reads a single integer.
    func count(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        try one(sql, arguments) { row in row[0] as Int } ?? 0
    }

    /// Runs a statement that changes rows.
    func execute(_ sql: String, _ arguments: SQLArguments) throws {
        let statement = try DecodingCursor(db.cachedStatement(sql: sql), arguments: arguments) { _ in () }
        while try statement.next() != nil {}
    }

    /// Reads a key/value tag table's rows for one owner.
    func tags(_ sql: String, _ arguments: SQLArguments) throws -> Tags {
        var tags: Tags = [:]
        let rows = try DecodingCursor(db.cachedStatement(sql: sql), arguments: arguments) { row in
            (row[0] as String, row[1] as String)
        }
        while let (key, value) = try rows.next() { tags[key] = value }
        return tags
    }

    func tags(of resource: TaggedResource) throws -> Tags? {
        switch resource {
        case .api(let id):
            guard try count("SELECT count(*) FROM apis WHERE id = ?", [id.rawValue]) > 0 else { return nil }
            return try tags("SELECT key, value FROM api_tags WHERE api_id = ?", [id.rawValue])
        case .stage(let id, let name):
            guard
                try count("SELECT count(*) FROM stages WHERE api_id = ? AND name = ?", [id.rawValue, name.rawValue]) > 0
            else { return nil }
            return try tags(
                "SELECT key, value FROM stage_tags WHERE api_id = ? AND stage_name = ?", [id.rawValue, name.rawValue])
        case .vpcLink(let id):
            guard try count("SELECT count(*) FROM vpc_links WHERE id = ?", [id.rawValue]) > 0 else { return nil }
            return try tags("SELECT key, value FROM vpc_link_tags WHERE vpc_link_id = ?", [id.rawValue])
        }
    }

    func replaceTags(of resource: TaggedResource, with tags: Tags) throws {
        switch resource {
        case .api(let id):
            try execute("DELETE FROM api_tags WHERE api_id = ?", [id.rawValue])
            for (key, value) in tags {
                try execute("INSERT INTO api_tags (api_id, key, value) VALUES (?, ?, ?)", [id.rawValue, key, value])
            }
        case .stage(let id, let name):
            try execute("DELETE FROM stage_tags WHERE api_id = ? AND stage_name = ?", [id.rawValue, name.rawValue])
            for (key, value) in tags {
                try execute(
                    "INSERT INTO stage_tags (api_id, stage_name, key, value) VALUES (?, ?, ?, ?)",
                    [id.rawValue, name.rawValue, key, value])
            }
        case .vpcLink(let id):
            try execute("DELETE FROM vpc_link_tags WHERE vpc_link_id = ?", [id.rawValue])
            for (key, value) in tags {
                try execute(
                    "INSERT INTO vpc_link_tags (vpc_link_id, key, value) VALUES (?, ?, ?)", [id.rawValue, key, value])
            }
        }
    }
}
