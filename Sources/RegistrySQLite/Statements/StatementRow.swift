import GRDB
import GRDBSQLite

/// The current result row of a stepping SQLite statement, read column by column in place.
///
/// GRDB's `Row` builds a dictionary of lowercased column names each time a cursor opens; on the
/// registry's single-row reads that cost more than running the query. Decoders here read columns
/// by position only, so they need none of it. A row is valid only until its statement steps again
/// or is reset: read it, do not keep it.
struct StatementRow {
    /// The statement, positioned on a row (its last `sqlite3_step` returned `SQLITE_ROW`).
    let statement: SQLiteStatement

    /// The value of the 0-based column `index`; NULL reads as `nil` for optional types.
    subscript<Value: ColumnValue>(index: Int32) -> Value {
        Value(column: index, of: statement)
    }
}
