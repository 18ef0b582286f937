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

    /// The columns that identify a row: inserted, never updated, the WHERE clause of an update.
    static var keyColumns: Set<Self> { get }

    /// The columns written once, by the insert (a creation time); none by default.
    static var writtenOnce: Set<Self> { get }

    /// The columns SQLite assigns (the `seq` rowid); none by default, `seq` for sequenced tables.
    static var generatedColumns: Set<Self> { get }

    /// The value `row` stores in this column, for binding. Never asked for a ``ColumnRole/generated``
    /// column.
    /// - Throws: ``RegistryError/Code/internalFailure`` when a structured member cannot be encoded.
    func value(in row: Row) throws(RegistryError) -> any SQLBindable
}

extension TableColumn {
    /// No column is written only once unless the table says so.
    static var writtenOnce: Set<Self> { [] }

    /// No column is generated unless the table has a `seq` rowid.
    static var generatedColumns: Set<Self> { [] }

    /// How the statements use this column, from the table's key, written-once and generated sets;
    /// every other column is written by the insert and by every update.
    var role: ColumnRole {
        if Self.generatedColumns.contains(self) { return .generated }
        if Self.keyColumns.contains(self) { return .key }
        if Self.writtenOnce.contains(self) { return .immutable }
        return .mutable
    }

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

extension SequencedTableColumn {
    /// The `seq` rowid, which SQLite assigns.
    static var generatedColumns: Set<Self> { [seq] }
}
