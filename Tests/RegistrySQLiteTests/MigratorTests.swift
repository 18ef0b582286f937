import Foundation
import GRDB
import RegistryDomain
import RegistryTestSupport
import Synchronization
import Testing

@testable import RegistrySQLite

/// The schema migrator and its ledger, on real database files.
@Suite("Schema migrator")
struct MigratorTests {
    /// The embedded first migration.
    static let initial = EmbeddedMigrations.all[0]
    /// Every embedded version, in order.
    static let versions = EmbeddedMigrations.all.map(\.version)
    /// The first version no embedded migration uses, for migrations made up by tests.
    static let next = EmbeddedMigrations.all.count + 1
    /// The ledger rows the embedded migrations leave: version, name, checksum.
    static let embeddedLedger = EmbeddedMigrations.all.map { [String($0.version), $0.name, $0.checksum] }

    /// The tables the embedded migrations create: the catalog's, each with its history twin, the
    /// change log, and the search index with FTS5's own tables behind it and its queue.
    static let tables = {
        let catalog = [
            "api_mappings", "api_tags", "apis", "authorizers", "deployments", "domain_name_tags", "domain_names",
            "integration_responses", "integrations", "models", "route_responses", "routes", "stage_tags", "stages",
            "vpc_link_tags", "vpc_links",
        ]
        let search =
            ["catalog_search"] + ["config", "content", "data", "idx", "pending"].map { "catalog_search_" + $0 }
        return (catalog + catalog.map { $0 + "_history" } + ["changes"] + search).sorted()
    }()

    /// The ledger rows: version, name, checksum.
    static func ledger(_ reader: some DatabaseReader) throws -> [[String]] {
        try reader.read { db in
            try Row.fetchAll(db, sql: "SELECT version, name, checksum FROM schema_migrations ORDER BY version").map {
                [String($0[0] as Int), $0[1], $0[2]]
            }
        }
    }

    /// The names of the user tables in the database.
    static func tableNames(_ reader: some DatabaseReader) throws -> [String] {
        try reader.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                      AND name <> 'schema_migrations' ORDER BY name
                    """)
        }
    }

    @Test("the embedded migrations are numbered from 1, the first two as landed")
    func embedded() {
        #expect(Self.versions == Array(1...EmbeddedMigrations.all.count))
        // EmbeddedMigrationsTests compares every embedded migration with migrations/; the later
        // ones are whatever that folder holds, so only the landed first two are named here.
        #expect(
            EmbeddedMigrations.all.prefix(2).map(\.name) == ["initial_schema", "route_checks_without_ephemeral_tables"])
        #expect(Self.initial.sql.contains("CREATE TABLE routes"))
    }

    @Test("a fresh database gets every version, each recorded with its name and checksum")
    func fresh() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("fresh.sqlite"))
        #expect(try SchemaMigrator().migrate(queue) == Self.versions)
        #expect(try Self.ledger(queue) == Self.embeddedLedger)
        #expect(try Self.tableNames(queue) == Self.tables)
        let appliedAt = try queue.read { db in try String.fetchOne(db, sql: "SELECT applied_at FROM schema_migrations")
        }
        #expect(appliedAt?.hasSuffix("Z") == true)
    }

    @Test("opening a store on a new path migrates it")
    func storeMigrates() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("store.sqlite")
        let store = try SQLiteRegistryStore(path: path)
        try store.close()
        let queue = try DatabaseQueue(path: path)
        #expect(try Self.ledger(queue) == Self.embeddedLedger)
        #expect(try Self.tableNames(queue) == Self.tables)
    }

    @Test("a second run applies nothing, and reopening a store is idempotent")
    func idempotent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("again.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            #expect(try SchemaMigrator().migrate(queue) == Self.versions)
            #expect(try SchemaMigrator().migrate(queue) == [])
        }
        for _ in 0..<2 {
            let store = try SQLiteRegistryStore(path: path)
            try store.close()
        }
        #expect(try Self.ledger(try DatabaseQueue(path: path)) == Self.embeddedLedger)
    }

    @Test("a migration edited after it was applied is refused, naming it")
    func edited() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("edited.sqlite")
        let queue = try DatabaseQueue(path: path)
        try SchemaMigrator().migrate(queue)
        let edited = SchemaMigration(version: 1, name: "initial_schema", sql: Self.initial.sql + "\n-- edited\n")
        #expect(edited.checksum != Self.initial.checksum)
        let error = try #require(throws: RegistryError.self) {
            try SchemaMigrator(migrations: [edited] + EmbeddedMigrations.all.dropFirst()).migrate(queue)
        }
        #expect(error.code == .serviceUnavailable)
        #expect(error.message.contains("0001_initial_schema"))
        #expect(error.message.contains(Self.initial.checksum))
        #expect(error.message.contains(edited.checksum))
        let storeError = try #require(throws: RegistryError.self) {
            try SQLiteRegistryStore(path: path, migrations: [edited] + EmbeddedMigrations.all.dropFirst())
        }
        #expect(storeError.code == .serviceUnavailable)
        #expect(try Self.ledger(queue) == Self.embeddedLedger)
    }

    @Test("a database migrated by a newer release is refused, naming the version")
    func newerVersion() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("newer.sqlite")
        let queue = try DatabaseQueue(path: path)
        try SchemaMigrator().migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'abc')")
        }
        let error = try #require(throws: RegistryError.self) { try SchemaMigrator().migrate(queue) }
        #expect(error.code == .serviceUnavailable)
        #expect(error.message.contains("9999"))
        let storeError = try #require(throws: RegistryError.self) { try SQLiteRegistryStore(path: path) }
        #expect(storeError.message.contains("9999"))
    }

    @Test("migrators started together on a fresh file apply each migration exactly once", arguments: 0..<8)
    func startingTogether(round: Int) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("together-\(round).sqlite")
        let outcomes = Mutex<[Result<[Int], any Error>]>([])
        // Threads, not tasks: each migrator blocks on SQLite's lock as a separate process would.
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let outcome = Result { () throws -> [Int] in
                let queue = try DatabaseQueue(path: path, configuration: Self.waiting)
                return try SchemaMigrator().migrate(queue)
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let applied = try outcomes.withLock { try $0.map { try $0.get() } }
        #expect(applied.flatMap { $0 }.sorted() == Self.versions)
        #expect(try Self.ledger(try DatabaseQueue(path: path)) == Self.embeddedLedger)
    }

    @Test("stores opened together on a fresh file all open, on one schema", arguments: 0..<4)
    func storesStartingTogether(round: Int) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("stores-\(round).sqlite")
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            do {
                let store = try SQLiteRegistryStore(path: path)
                try store.close()
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try Self.ledger(try DatabaseQueue(path: path)) == Self.embeddedLedger)
        #expect(try Self.tableNames(try DatabaseQueue(path: path)) == Self.tables)
    }

    @Test("a migrator waits for another process's long migration instead of failing")
    func waitsPastTheBusyTimeout() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("busy.sqlite")
        let holder = try DatabaseQueue(path: path)
        let migrated = Mutex<Result<[Int], any Error>?>(nil)
        let started = DispatchSemaphore(value: 0)
        let thread = Thread {
            started.signal()
            let outcome = Result { () throws -> [Int] in
                var configuration = Configuration()
                configuration.busyMode = .timeout(0.05)
                return try SchemaMigrator().migrate(try DatabaseQueue(path: path, configuration: configuration))
            }
            migrated.withLock { $0 = outcome }
        }
        // Hold the write lock for many busy timeouts of the migrator, then let go.
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            thread.start()
            started.wait()
            Thread.sleep(forTimeInterval: 0.5)
            #expect(migrated.withLock { $0 } == nil)
            try db.execute(sql: "COMMIT")
        }
        while migrated.withLock({ $0 }) == nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(try migrated.withLock { try $0!.get() } == Self.versions)
    }

    @Test("a migrator that waits longer than its patience refuses to start, naming the migration")
    func patienceRunsOut() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("impatient.sqlite")
        let holder = try DatabaseQueue(path: path)
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            var configuration = Configuration()
            configuration.busyMode = .timeout(0.05)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let error = try #require(throws: RegistryError.self) {
                try SchemaMigrator(patience: .milliseconds(200)).migrate(queue)
            }
            #expect(error.code == .serviceUnavailable)
            #expect(error.message.contains("0001_initial_schema"))
        }
    }

    /// A connection that waits for the write lock as the store's do.
    static let waiting: Configuration = {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return configuration
    }()

    @Test("a failing migration leaves no ledger row and no partial table; fixed, it applies")
    func failing() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("failing.sqlite"))
        let broken = SchemaMigration(
            version: Self.next, name: "broken",
            sql:
                "CREATE TABLE half_done (x INTEGER);\nINSERT INTO half_done VALUES (1);\n"
                + "INSERT INTO nowhere VALUES (1);"
        )
        let error = try #require(throws: RegistryError.self) {
            try SchemaMigrator(migrations: EmbeddedMigrations.all + [broken]).migrate(queue)
        }
        #expect(error.code == .serviceUnavailable)
        #expect(error.message.contains("\(Self.next)_broken"))
        #expect(error.message.contains("nowhere"))
        #expect(try Self.ledger(queue) == Self.embeddedLedger)
        #expect(try Self.tableNames(queue) == Self.tables)

        let fixed = SchemaMigration(version: Self.next, name: "broken", sql: "CREATE TABLE half_done (x INTEGER);")
        #expect(try SchemaMigrator(migrations: EmbeddedMigrations.all + [fixed]).migrate(queue) == [Self.next])
        #expect(try Self.ledger(queue).map { $0[0] } == (Self.versions + [Self.next]).map(String.init))
        #expect(try Self.tableNames(queue).contains("half_done"))
    }

    @Test("migrations apply in version order whatever order they are given in")
    func ordering() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("order.sqlite"))
        let third = SchemaMigration(version: Self.next + 1, name: "fill", sql: "INSERT INTO extra (x) VALUES (3);")
        let second = SchemaMigration(version: Self.next, name: "extra", sql: "CREATE TABLE extra (x INTEGER);")
        let migrator = SchemaMigrator(migrations: [third] + EmbeddedMigrations.all.reversed() + [second])
        let all = Self.versions + [Self.next, Self.next + 1]
        #expect(migrator.migrations.map(\.version) == all)
        #expect(try migrator.migrate(queue) == all)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT x FROM extra") } == 3)
        #expect(try Self.ledger(queue).map { $0[1] } == EmbeddedMigrations.all.map(\.name) + ["extra", "fill"])
    }

    @Test("a store opened with a new migration applies only that one")
    func upgrade() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("upgrade.sqlite")
        try SQLiteRegistryStore(path: path).close()
        let second = SchemaMigration(version: Self.next, name: "notes", sql: "CREATE TABLE notes (x TEXT);")
        try SQLiteRegistryStore(path: path, migrations: EmbeddedMigrations.all + [second]).close()
        let queue = try DatabaseQueue(path: path)
        #expect(try Self.ledger(queue).map { $0[1] } == EmbeddedMigrations.all.map(\.name) + ["notes"])
    }

    /// The opcodes of SQLite's program for a route insert as the store writes it.
    static func routeInsertOpcodes(_ db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                EXPLAIN INSERT INTO routes (id, api_id, route_key, conflict_key, target_integration_id,
                    authorization_type, authorizer_id, authorization_scopes, api_key_required, operation_name,
                    model_selection_expression, route_response_selection_expression, request_models,
                    request_parameters, api_gateway_managed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: StatementArguments(Array(repeating: nil as String?, count: 15))
        ).map { $0["opcode"] }
    }

    @Test("0002 rebuilds routes keeping rows, indexes and the sequence; inserts no longer build an ephemeral table")
    func routeRebuild() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("rebuild.sqlite"))
        try SchemaMigrator(migrations: [Self.initial]).migrate(queue)
        let (before, indexesBefore) = try queue.write { db -> ([[String]], [String]) in
            try db.execute(
                sql: """
                    INSERT INTO apis (id, name, protocol_type, route_selection_expression,
                        api_key_selection_expression, created_ms)
                    VALUES ('abcdefghij', 'a', 'HTTP', '$request.method $request.path', '$request.header.x-api-key', 0);
                    INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, jwt_configuration)
                    VALUES ('abcdefghij', 'auth001', 'jwt', 'JWT', '["$request.header.Authorization"]', '{}');
                    INSERT INTO routes (api_id, id, route_key, conflict_key) VALUES
                        ('abcdefghij', 'route01', 'GET /a', 'GET /a'), ('abcdefghij', 'route02', 'GET /b', 'GET /b');
                    INSERT INTO routes (api_id, id, route_key, conflict_key, authorization_type, authorizer_id)
                    VALUES ('abcdefghij', 'route03', 'GET /c/{x}', 'GET /c/{}', 'JWT', 'auth001');
                    INSERT INTO routes (api_id, id, route_key, conflict_key) VALUES ('abcdefghij', 'route04', 'GET /d', 'GET /d');
                    DELETE FROM routes WHERE id = 'route04';
                    """)
            #expect(try Self.routeInsertOpcodes(db).contains("OpenEphemeral"))
            return (
                try Row.fetchAll(db, sql: "SELECT * FROM routes ORDER BY seq").map {
                    $0.databaseValues.map(\.description)
                },
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'routes' ORDER BY name")
            )
        }
        // Only as far as 0002: later migrations may change routes again.
        #expect(try SchemaMigrator(migrations: Array(EmbeddedMigrations.all.prefix(2))).migrate(queue) == [2])
        try queue.write { db in
            #expect(!(try Self.routeInsertOpcodes(db).contains("OpenEphemeral")))
            #expect(
                try Row.fetchAll(db, sql: "SELECT * FROM routes ORDER BY seq").map {
                    $0.databaseValues.map(\.description)
                }
                    == before)
            #expect(
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'routes' ORDER BY name")
                    == indexesBefore)
            // A deleted route's sequence number is never handed out again.
            try db.execute(
                sql:
                    "INSERT INTO routes (api_id, id, route_key, conflict_key) VALUES ('abcdefghij', 'route05', 'GET /e', 'GET /e')"
            )
            #expect(try Int.fetchOne(db, sql: "SELECT seq FROM routes WHERE id = 'route05'") == 5)
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: """
                        INSERT INTO routes (api_id, id, route_key, conflict_key, authorization_type)
                        VALUES ('abcdefghij', 'route06', 'GET /f', 'GET /f', 'BOGUS')
                        """)
            }
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test(
        "checksums are the hex SHA-256 of the SQL text",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ])
    func checksum(sql: String, hex: String) {
        #expect(SchemaMigration(version: 1, name: "x", sql: sql).checksum == hex)
    }
}
