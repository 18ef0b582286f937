import GRDB
import GRDBSQLite
import Testing

@testable import RegistrySQLite

/// Values bound with ``SQLArguments`` and read back with ``StatementRow`` through a ``DecodingCursor``,
/// against a real SQLite connection.
@Suite("Statement binding and column reading")
struct StatementBindingTests {
    /// A row of every kind the store writes: text (empty, Unicode, with a NUL), integers at their
    /// limits, booleans and NULLs.
    struct Sample: Equatable, Sendable, CustomTestStringConvertible {
        var text: String
        var optionalText: String?
        var int64: Int64
        var int: Int
        var flag: Bool
        var optionalFlag: Bool?

        var testDescription: String { "\(text.debugDescription) \(int64) \(flag)" }
    }

    /// The columns of the test table's SELECT, in order.
    enum SampleColumn: Int32, ResultColumn {
        case text, optionalText, int64, int, flag, optionalFlag, optionalTextType, optionalFlagType
    }

    static let samples: [Sample] = [
        Sample(text: "", optionalText: nil, int64: 0, int: 0, flag: false, optionalFlag: nil),
        Sample(text: "GET /pets/{id}", optionalText: "", int64: .max, int: .min, flag: true, optionalFlag: false),
        Sample(
            text: "caf\u{E9} \u{1F600} \u{301}", optionalText: "x", int64: .min, int: 42, flag: false,
            optionalFlag: true),
        Sample(text: "a\u{0}b", optionalText: "\u{0}", int64: -1, int: .max, flag: true, optionalFlag: nil),
    ]

    @Test("every kind of value reads back as it was bound", arguments: samples)
    func roundTrip(sample: Sample) throws {
        let queue = try DatabaseQueue()
        let read = try queue.write { db -> Sample? in
            try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL, b TEXT, c INTEGER, d INTEGER, e INTEGER, f INTEGER)")
            let insert = try db.makeStatement(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")
            let arguments: SQLArguments = [
                sample.text, sample.optionalText, sample.int64, sample.int, sample.flag, sample.optionalFlag,
            ]
            let inserting = try DecodingCursor(insert, arguments: arguments) { (_: StatementRow<SingleColumn>) in () }
            while try inserting.next() != nil {}
            let select = try db.makeStatement(sql: "SELECT a, b, c, d, e, f, typeof(b), typeof(f) FROM t")
            let rows = try DecodingCursor(select, arguments: []) { (row: StatementRow<SampleColumn>) -> Sample in
                // NULL stays NULL in the file: the optionals were bound as NULL, not as '' or 0.
                #expect((row[.optionalTextType] as String == "null") == (sample.optionalText == nil))
                #expect((row[.optionalFlagType] as String == "null") == (sample.optionalFlag == nil))
                return Sample(
                    text: row[.text], optionalText: row[.optionalText], int64: row[.int64], int: row[.int],
                    flag: row[.flag], optionalFlag: row[.optionalFlag])
            }
            return try rows.next()
        }
        #expect(read == sample)
    }

    @Test("a count of values that differs from the placeholders is refused before the statement runs")
    func argumentCountMismatch() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT)")
            let insert = try db.makeStatement(sql: "INSERT INTO t VALUES (?)")
            for arguments: SQLArguments in [[], ["a", "b"]] {
                let error = #expect(throws: DatabaseError.self) {
                    _ = try DecodingCursor(insert, arguments: arguments) { (_: StatementRow<SingleColumn>) in () }
                }
                #expect(error?.resultCode == .SQLITE_MISUSE)
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 0)
        }
    }

    @Test("a cursor left before its last row resets its statement, so no read stays open")
    func abandonedCursorResetsStatement() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER)")
            try db.execute(sql: "INSERT INTO t VALUES (1), (2), (3)")
            let select = try db.makeStatement(sql: "SELECT a FROM t ORDER BY a")
            do {
                let rows = try DecodingCursor(select, arguments: []) { (row: StatementRow<SingleColumn>) in
                    row[.value] as Int
                }
                #expect(try rows.next() == 1)
                #expect(sqlite3_stmt_busy(select.sqliteStatement) != 0)
            }
            #expect(sqlite3_stmt_busy(select.sqliteStatement) == 0)
        }
    }

    @Test("a constraint failure surfaces as GRDB's DatabaseError with SQLite's code")
    func constraintFailure() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL UNIQUE)")
            let insert = try db.makeStatement(sql: "INSERT INTO t VALUES (?)")
            var failures: [DatabaseError] = []
            for value in ["x", "x"] as [String] {
                do {
                    let cursor = try DecodingCursor(insert, arguments: [value]) { (_: StatementRow<SingleColumn>) in ()
                    }
                    while try cursor.next() != nil {}
                } catch let error as DatabaseError {
                    failures.append(error)
                }
            }
            #expect(failures.map(\.extendedResultCode) == [.SQLITE_CONSTRAINT_UNIQUE])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 1)
        }
    }
}
