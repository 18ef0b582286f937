import RegistryDomain

/// The columns of one table: the single description from which its SELECT, INSERT and UPDATE
/// column lists are built (``TableStatements``), its rows are read (`row[.conflictKey]`) and the
/// values of an entity are bound (``value(in:)``, an exhaustive `switch`).
///
/// A column added to the enum is therefore selected, inserted and (by its ``role``) updated without
/// another edit, and the compiler asks for its value. A column's SQL name is its case name in
/// snake case (`targetIntegrationId` is `target_integration_id`); a test compares every table's
/// cases with the schema SQLite reports, in both directions.
protocol TableColumn: ResultColumn {
    /// What one row of the table stores: an entity, or a tuple for the tag tables.
    associatedtype Row

    /// The table's SQL name.
    static var table: String { get }

    /// The table's statements, built once from ``allCases``.
    static var statements: TableStatements<Self> { get }

    /// How the statements use this column.
    var role: ColumnRole { get }

    /// The value `row` stores in this column, for binding. Never asked for a ``ColumnRole/generated``
    /// column.
    /// - Throws: ``RegistryError/Code/internalFailure`` when a structured member cannot be encoded.
    func value(in row: Row) throws(RegistryError) -> any SQLBindable
}

extension TableColumn {
    /// The column's SQL name: the case name in snake case.
    var name: String {
        var name = ""
        for character in String(describing: self) {
            if character.isUppercase {
                name += "_" + character.lowercased()
            } else {
                name.append(character)
            }
        }
        return name
    }
}

/// A table whose rows carry the `seq` rowid that orders its pages (keyset pagination).
protocol SequencedTableColumn: TableColumn {
    /// The `seq` column.
    static var seq: Self { get }
}
