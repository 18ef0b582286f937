/// The `<table>_history` twins of migration 0006, as the reads of an old revision see them.
///
/// A read "as of change Q" runs the same SQL as a current read behind a `WITH` clause that shadows
/// each table by its twin's rows current after Q (`valid_from <= Q < valid_to`), so every query of
/// the store port answers for that moment without a second copy of it. `NOT MATERIALIZED` keeps
/// SQLite from copying a whole twin when a statement names a table twice; each shadow is inlined
/// and reads through the twin's primary key, which leads with the API's id.
enum HistoryTables {
    /// Every versioned table and its columns, from the column descriptions.
    static let tables: [(name: String, columns: [String])] = [
        describe(APIColumn.self), describe(APITagColumn.self), describe(VpcLinkColumn.self),
        describe(VpcLinkTagColumn.self), describe(IntegrationColumn.self), describe(AuthorizerColumn.self),
        describe(RouteColumn.self), describe(DeploymentColumn.self), describe(StageColumn.self),
        describe(StageTagColumn.self), describe(ModelColumn.self), describe(RouteResponseColumn.self),
        describe(IntegrationResponseColumn.self), describe(DomainNameColumn.self),
        describe(DomainNameTagColumn.self), describe(APIMappingColumn.self),
    ]

    private static func describe<Column: TableColumn>(_: Column.Type) -> (name: String, columns: [String]) {
        (Column.table, Column.allCases.map(\.name))
    }

    /// The `WITH` clause that makes the tables `sql` names read as they stood right after change
    /// `sequence` (only those: each shadow costs parsing).
    static func asOf(_ sequence: Int64, for sql: String) -> String {
        let named = tables.filter { names(sql, $0.name) }
        guard !named.isEmpty else { return "" }
        return "WITH "
            + named.map { table in
                "\(table.name) AS NOT MATERIALIZED (SELECT \(table.columns.joined(separator: ", ")) FROM "
                    + "\(table.name)_history WHERE valid_from <= \(sequence) AND "
                    + "(valid_to IS NULL OR valid_to > \(sequence)))"
            }.joined(separator: ", ") + " "
    }

    /// Whether `sql` names `table` as a whole word (`apis`, not the `api` of `api_tags`).
    static func names(_ sql: String, _ table: String) -> Bool {
        let text = Array(sql.utf8)
        let name = Array(table.utf8)
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        guard text.count >= name.count else { return false }
        for start in 0...(text.count - name.count) where text[start..<start + name.count].elementsEqual(name) {
            let before = start == 0 || !isWordByte(text[start - 1])
            let after = start + name.count == text.count || !isWordByte(text[start + name.count])
            if before && after { return true }
        }
        return false
    }
}
