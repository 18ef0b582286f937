import GRDB
import GRDBSQLite

/// A Swift type read straight from a result column of a positioned statement.
///
/// Conformers trust the schema: a NOT NULL column is read as a non-optional type, a nullable
/// column as an optional one.
protocol ColumnValue {
    /// Reads column `column` (0-based) of `statement`'s current row.
    init(column: Int32, of statement: SQLiteStatement)
}

extension String: ColumnValue {
    init(column: Int32, of statement: SQLiteStatement) {
        // SQLite's documented order: the text pointer first, then its byte count.
        guard let text = sqlite3_column_text(statement, column) else {
            self = ""
            return
        }
        let count = Int(sqlite3_column_bytes(statement, column))
        self = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}

extension Int64: ColumnValue {
    init(column: Int32, of statement: SQLiteStatement) {
        self = sqlite3_column_int64(statement, column)
    }
}

extension Int: ColumnValue {
    init(column: Int32, of statement: SQLiteStatement) {
        self = Int(truncatingIfNeeded: sqlite3_column_int64(statement, column))
    }
}

extension Bool: ColumnValue {
    init(column: Int32, of statement: SQLiteStatement) {
        self = sqlite3_column_int64(statement, column) != 0
    }
}

extension Optional: ColumnValue where Wrapped: ColumnValue {
    init(column: Int32, of statement: SQLiteStatement) {
        self = sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : Wrapped(column: column, of: statement)
    }
}
