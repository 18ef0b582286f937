import RegistryDomain

/// The SELECT, INSERT and UPDATE statements of one table, built once from its column description.
///
/// `select` lists every column in ``TableColumn`` order, so a result row is read with the column
/// enum; `insert` writes every column but the generated ones; `update` sets the mutable columns of
/// the row its key columns name. The `…Columns` lists give the order in which values are bound.
struct TableStatements<Column: TableColumn>: Sendable {
    /// `SELECT <every column> FROM <table>`; callers append their `WHERE` clause.
    let select: String
    /// `INSERT INTO <table> (<all but generated>) VALUES (?, …)`.
    let insert: String
    /// `UPDATE <table> SET <mutable> = ?, … WHERE <key> = ? AND …`.
    let update: String
    /// The columns `insert` binds, in placeholder order.
    let insertColumns: [Column]
    /// The columns `update` binds, in placeholder order: the mutable ones, then the key.
    let updateColumns: [Column]

    /// Builds the statements of `Column`'s table.
    init() {
        let columns = Column.allCases
        for (position, column) in columns.enumerated() {
            precondition(
                column.rawValue == Int32(position),
                "\(Column.self).\(column) has raw value \(column.rawValue) at position \(position)")
        }
        let table = Column.table
        select = "SELECT " + columns.map(\.name).joined(separator: ", ") + " FROM " + table
        insertColumns = columns.filter { $0.role != .generated }
        insert =
            "INSERT INTO \(table) (" + insertColumns.map(\.name).joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: insertColumns.count).joined(separator: ", ") + ")"
        let set = columns.filter { $0.role == .mutable }
        let key = columns.filter { $0.role == .key }
        updateColumns = set + key
        update =
            "UPDATE \(table) SET " + set.map { "\($0.name) = ?" }.joined(separator: ", ") + " WHERE "
            + key.map { "\($0.name) = ?" }.joined(separator: " AND ")
    }

    /// The values `row` binds to the statement whose placeholders are `columns` (``insertColumns``
    /// or ``updateColumns``), in that order.
    /// - Throws: ``RegistryError/Code/internalFailure`` when a structured member cannot be encoded.
    func arguments(_ columns: [Column], of row: Column.Row) throws(RegistryError) -> SQLArguments {
        SQLArguments(try columns.map { column throws(RegistryError) in try column.value(in: row) })
    }
}
