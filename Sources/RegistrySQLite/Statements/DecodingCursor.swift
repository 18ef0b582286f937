import GRDB
import GRDBSQLite

/// A GRDB cursor over a cached statement that turns each row into an element in place.
///
/// It goes through GRDB's own stepping (`DatabaseCursor.next()`), so GRDB still sees every
/// statement run and maps SQLite failures to `DatabaseError`; it skips `Row` and GRDB's argument
/// handling (see ``SQLArguments``).
final class DecodingCursor<Column: ResultColumn, Element>: DatabaseCursor {
    /// The statement iterated (GRDB's cursor contract).
    let _statement: Statement
    /// Whether the statement has returned `SQLITE_DONE` (GRDB's cursor contract).
    var _isDone = false
    private let decode: (StatementRow<Column>) throws -> Element

    /// Binds `arguments` to `statement` (resetting it) for immediate iteration.
    /// - Throws: `DatabaseError` when the arguments do not fit the statement.
    init(
        _ statement: Statement, arguments: SQLArguments,
        decode: @escaping (StatementRow<Column>) throws -> Element
    ) throws {
        self._statement = statement
        self.decode = decode
        try arguments.bind(to: statement)
    }

    deinit {
        // A cursor left before SQLITE_DONE would keep its statement, and a read snapshot, open.
        sqlite3_reset(_statement.sqliteStatement)
    }

    /// Decodes the row the statement is positioned on.
    /// - Throws: whatever the decoder throws.
    func _element(sqliteStatement: SQLiteStatement) throws -> Element {
        try decode(StatementRow<Column>(statement: sqliteStatement))
    }
}
