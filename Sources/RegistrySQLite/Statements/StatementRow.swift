import GRDB
import GRDBSQLite

/// The current result row of a stepping SQLite statement, read column by column in place.
///
/// GRDB's `Row` builds a dictionary of lowercased column names each time a cursor opens; on the
/// registry's single-row reads that cost more than running the query. A row here is read by the
/// `Column` enum that describes the statement's result (``ResultColumn``), never by a number. A row
/// is valid only until its statement steps again or is reset: read it, do not keep it.
struct StatementRow<Column: ResultColumn> {
    /// The statement, positioned on a row (its last `sqlite3_step` returned `SQLITE_ROW`).
    let statement: SQLiteStatement

    /// The value of `column`; NULL reads as `nil` for optional types.
    subscript<Value: ColumnValue>(column: Column) -> Value {
        Value(column: column.rawValue, of: statement)
    }
}
