import GRDB
import GRDBSQLite

/// A Swift value that binds itself to a statement placeholder; optionals bind `nil` as NULL.
protocol SQLBindable {
    /// Binds this value to the 1-based placeholder `index` of `statement`; returns SQLite's result code.
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32
}

/// SQLite's `SQLITE_TRANSIENT` (a macro Swift does not import): SQLite copies the bytes at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension String: SQLBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            // An empty buffer may have no address, and a NULL pointer would bind NULL, not ''.
            guard let base = bytes.baseAddress else { return sqlite3_bind_text(statement, index, "", 0, transient) }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                sqlite3_bind_text(statement, index, characters, Int32(bytes.count), transient)
            }
        }
    }
}

extension Int64: SQLBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int: SQLBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Bool: SQLBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self ? 1 : 0)
    }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    func bind(to statement: SQLiteStatement, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): value.bind(to: statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}
