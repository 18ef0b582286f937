import GRDB
import RegistryDomain

/// The store port over one GRDB connection inside a transaction (read-only or read-write).
///
/// Rows are decoded by hand from cached statements: the hot paths of the registry are single-row
/// reads and small pages, where the query interface's generic decoding costs more than the query.
/// Every table's statements come from its column description (``TableColumn``).
struct SQLiteRegistryTransaction: RegistryWriteTransaction {
    /// The connection, valid only inside the store's read or write closure.
    let db: Database
    /// The change after which reads answer (an old revision), or `nil` for the current state.
    let asOfChange: Int64?
    /// Who the writes are made for (written into the change record).
    let origin: ChangeOrigin
    /// Whether this write has recorded its change (`nil` for reads).
    let journal: ChangeJournal?

    /// A transaction reading the current state.
    init(_ db: Database) {
        self.init(db, asOfChange: nil, origin: .anonymous, journal: nil)
    }

    /// A transaction over `db`: reads as of `asOfChange` (`nil`: now); writes record their change
    /// through `journal`, naming `origin`.
    init(_ db: Database, asOfChange: Int64?, origin: ChangeOrigin, journal: ChangeJournal?) {
        self.db = db
        self.asOfChange = asOfChange
        self.origin = origin
        self.journal = journal
    }

    /// The prepared statement for `sql`: cached for current reads and writes; for a read of an old
    /// revision, `sql` behind the history shadows of ``HistoryTables``, prepared for this read only
    /// (its text names the change, so caching it would fill the cache with one-off statements).
    /// - Throws: GRDB's error when the statement does not prepare.
    func statement(_ sql: String) throws -> Statement {
        guard let asOfChange else { return try db.cachedStatement(sql: sql) }
        return try db.makeStatement(sql: HistoryTables.asOf(asOfChange, for: sql) + sql)
    }

    func isTaken(_ id: some EntityIdentifier) throws(RegistryError) -> Bool {
        let table: String
        switch id {
        case is APIID: table = APIColumn.table
        case is RouteID: table = RouteColumn.table
        case is IntegrationID: table = IntegrationColumn.table
        case is AuthorizerID: table = AuthorizerColumn.table
        case is DeploymentID: table = DeploymentColumn.table
        case is VpcLinkID: table = VpcLinkColumn.table
        case is APIMappingID: table = APIMappingColumn.table
        case is ModelID: table = ModelColumn.table
        case is RouteResponseID: table = RouteResponseColumn.table
        case is IntegrationResponseID: table = IntegrationResponseColumn.table
        default: preconditionFailure("isTaken: no table for \(type(of: id))")
        }
        if id is APIID || id is VpcLinkID {
            // A deleted API or VPC link keeps its history under its id, and restoring a revision
            // brings it back under that id: its id is never drawn again.
            return try count(
                "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?1) OR EXISTS (SELECT 1 FROM changes WHERE stream = ?1)",
                [id.rawValue]) > 0
        }
        return try count("SELECT count(*) FROM \(table) WHERE id = ?", [id.rawValue]) > 0
    }

    // The helpers below are where GRDB and SQLite are called; each turns their failures into the
    // registry's vocabulary (RegistryError(storageFailure:)), so the port's methods throw only it.

    /// Reads one page of a table's rows in `seq` order.
    ///
    /// `sql` is a SELECT of `Column`'s table ending in a WHERE clause; the keyset condition, order
    /// and limit are appended.
    /// - Throws: what `decode` throws, or the storage failure.
    func page<Column: SequencedTableColumn, Item>(
        _ sql: String, _ arguments: SQLArguments, _ request: PageRequest,
        decode: (StatementRow<Column>) throws(RegistryError) -> Item
    ) throws(RegistryError) -> Page<Item> {
        do {
            let statement = try self.statement(sql + " AND seq > ? ORDER BY seq LIMIT ?")
            var all = arguments
            all += [request.after?.lastSequence ?? 0, request.maxResults + 1]
            var items: [Item] = []
            var lastSequence: Int64 = 0
            // The row is read inside the loop, before the next step moves the statement on; the one
            // row past the page only says that there is a next page, so it is never decoded.
            let rows = try DecodingCursor(statement, arguments: all) { (row: StatementRow<Column>) in row }
            while let row = try rows.next() {
                if items.count == request.maxResults {
                    return Page(items: items, next: PageCursor(lastSequence: lastSequence))
                }
                lastSequence = row[.seq]
                items.append(try decode(row))
            }
            return Page(items: items, next: nil)
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Reads at most one row.
    /// - Throws: what `decode` throws, or the storage failure.
    func one<Column: ResultColumn, Item>(
        _ sql: String, _ arguments: SQLArguments, decode: @escaping (StatementRow<Column>) throws(RegistryError) -> Item
    ) throws(RegistryError) -> Item? {
        try all(sql, arguments, decode: decode).first
    }

    /// Reads every row, stepping the statement to its end.
    /// - Throws: what `decode` throws, or the storage failure.
    func all<Column: ResultColumn, Item>(
        _ sql: String, _ arguments: SQLArguments, decode: @escaping (StatementRow<Column>) throws(RegistryError) -> Item
    ) throws(RegistryError) -> [Item] {
        do {
            return try Array(DecodingCursor(statement(sql), arguments: arguments, decode: decode))
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Reads a single integer.
    /// - Throws: the storage failure.
    func count(_ sql: String, _ arguments: SQLArguments) throws(RegistryError) -> Int {
        try one(sql, arguments) { (row: StatementRow<SingleColumn>) in row[.value] as Int } ?? 0
    }

    /// Reads the one text column of every row, e.g. `SELECT id FROM …`.
    /// - Throws: the storage failure.
    func strings(_ sql: String, _ arguments: SQLArguments) throws(RegistryError) -> [String] {
        try all(sql, arguments) { (row: StatementRow<SingleColumn>) in row[.value] as String }
    }

    /// Runs a statement that changes rows.
    /// - Throws: the storage failure (a refusing schema constraint among them).
    func execute(_ sql: String, _ arguments: SQLArguments) throws(RegistryError) {
        do {
            let statement = try DecodingCursor(db.cachedStatement(sql: sql), arguments: arguments) {
                (_: StatementRow<SingleColumn>) in ()
            }
            while try statement.next() != nil {}
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Inserts one row of `Column`'s table.
    /// - Throws: the storage failure (a refusing schema constraint among them).
    func insert<Column: TableColumn>(_ row: Column.Row, into _: Column.Type) throws(RegistryError) {
        let statements = Column.statements
        try execute(statements.insert, try statements.arguments(statements.insertColumns, of: row))
    }

    /// Updates the mutable columns of the row of `Column`'s table that `row`'s key names.
    /// - Throws: the storage failure (a refusing schema constraint among them).
    func update<Column: TableColumn>(_ row: Column.Row, in _: Column.Type) throws(RegistryError) {
        let statements = Column.statements
        try execute(statements.update, try statements.arguments(statements.updateColumns, of: row))
    }

    /// Reads the tags of one owner from a tag table; `sql` is the table's SELECT with the WHERE
    /// clause naming the owner. Rows go straight into the map (an API's tags are read with every
    /// GetApi).
    /// - Throws: the storage failure.
    func tags<Column: TagTableColumn>(
        _: Column.Type, _ sql: String, _ arguments: SQLArguments
    ) throws(RegistryError)
        -> Tags
    {
        do {
            var tags: Tags = [:]
            let rows = try DecodingCursor(statement(sql), arguments: arguments) {
                (row: StatementRow<Column>) in (row[.key] as String, row[.value] as String)
            }
            while let (key, value) = try rows.next() { tags[key] = value }
            return tags
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    private static let selectAPITags = APITagColumn.statements.select + " WHERE api_id = ?"
    private static let selectStageTags = StageTagColumn.statements.select + " WHERE api_id = ? AND stage_name = ?"
    private static let selectVpcLinkTags = VpcLinkTagColumn.statements.select + " WHERE vpc_link_id = ?"

    /// The tags of an API.
    /// - Throws: the storage failure.
    func tags(ofAPI id: APIID) throws(RegistryError) -> Tags {
        try tags(APITagColumn.self, Self.selectAPITags, [id.rawValue])
    }

    /// The tags of a stage.
    /// - Throws: the storage failure.
    func tags(ofStage name: StageName, in api: APIID) throws(RegistryError) -> Tags {
        try tags(StageTagColumn.self, Self.selectStageTags, [api.rawValue, name.rawValue])
    }

    /// The tags of a VPC link.
    /// - Throws: the storage failure.
    func tags(ofVpcLink id: VpcLinkID) throws(RegistryError) -> Tags {
        try tags(VpcLinkTagColumn.self, Self.selectVpcLinkTags, [id.rawValue])
    }

    func tags(of resource: TaggedResource) throws(RegistryError) -> Tags? {
        switch resource {
        case .api(let id):
            guard try count("SELECT count(*) FROM apis WHERE id = ?", [id.rawValue]) > 0 else { return nil }
            return try tags(ofAPI: id)
        case .stage(let id, let name):
            guard
                try count("SELECT count(*) FROM stages WHERE api_id = ? AND name = ?", [id.rawValue, name.rawValue]) > 0
            else { return nil }
            return try tags(ofStage: name, in: id)
        case .vpcLink(let id):
            guard try count("SELECT count(*) FROM vpc_links WHERE id = ?", [id.rawValue]) > 0 else { return nil }
            return try tags(ofVpcLink: id)
        case .domainName(let name):
            guard try count("SELECT count(*) FROM domain_names WHERE name = ?", [name.rawValue]) > 0 else {
                return nil
            }
            return try tags(ofDomainName: name)
        }
    }

    func replaceTags(of resource: TaggedResource, with tags: Tags) throws(RegistryError) {
        switch resource {
        case .api(let id):
            try execute("DELETE FROM api_tags WHERE api_id = ?", [id.rawValue])
            for (key, value) in tags { try insert((id, key, value), into: APITagColumn.self) }
        case .stage(let id, let name):
            try execute("DELETE FROM stage_tags WHERE api_id = ? AND stage_name = ?", [id.rawValue, name.rawValue])
            for (key, value) in tags { try insert((id, name, key, value), into: StageTagColumn.self) }
        case .vpcLink(let id):
            try execute("DELETE FROM vpc_link_tags WHERE vpc_link_id = ?", [id.rawValue])
            for (key, value) in tags { try insert((id, key, value), into: VpcLinkTagColumn.self) }
        case .domainName(let name):
            try execute("DELETE FROM domain_name_tags WHERE domain_name = ?", [name.rawValue])
            for (key, value) in tags { try insert((name, key, value), into: DomainNameTagColumn.self) }
        }
    }
}
