import GRDB
import GRDBSQLite

/// The values for a statement's `?` placeholders, in order, bound straight through SQLite's C API.
///
/// GRDB's `StatementArguments` converts every value to a `DatabaseValue`, validates the list
/// against the statement and binds through one nested closure per value; on the writer, the one
/// serial part of every write, that cost more than some of the statements. Values here are
/// bound where they are.
struct SQLArguments: ExpressibleByArrayLiteral {
    /// The values, first placeholder first.
    private(set) var values: [any SQLBindable]

    /// The values of an array literal, e.g. `[id.rawValue, api.rawValue]`.
    init(arrayLiteral values: any SQLBindable...) {
        self.values = values
    }

    /// The values of `values`, first placeholder first.
    init(_ values: [any SQLBindable]) {
        self.values = values
    }

    /// Appends `other`'s values after these.
    static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
        lhs.values += rhs.values
    }

    /// Resets `statement` and binds these values to its placeholders.
    /// - Throws: `DatabaseError` when the count of values differs from the count of placeholders
    ///   (`SQLITE_MISUSE`, a bug in the SQL beside it) or SQLite refuses a value.
    func bind(to statement: Statement) throws {
        let handle = statement.sqliteStatement
        // A failed step leaves its error in the reset's result; the statement is reusable anyway.
        sqlite3_reset(handle)
        guard values.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) placeholders",
                sql: statement.sql)
        }
        for (offset, value) in values.enumerated() {
            let code = value.bind(to: handle, at: Int32(offset + 1))
            guard code == SQLITE_OK else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: "binding failed", sql: statement.sql)
            }
        }
    }
}
