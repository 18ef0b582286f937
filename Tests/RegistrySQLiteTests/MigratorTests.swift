import GRDB
import RegistryDomain
import RegistrySQLite
import Testing

/// The schema migrator and its ledger, on real database files.
@Suite("Schema migrator")
struct MigratorTests {
    /// The embedded first migration.
    static let initial = EmbeddedMigrations.all[0]

    /// The tables migration 0001 creates.
    static let tables = [
        "api_tags", "apis", "authorizers", "deployments", "integrations", "routes", "stage_tags", "stages",
        "vpc_link_tags", "vpc_links",
    ]

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

    @Test("the embedded migrations are numbered from 1 and match migrations/0001_initial_schema.sql by name")
    func embedded() {
        #expect(EmbeddedMigrations.all.map(\.version) == Array(1...EmbeddedMigrations.all.count))
        #expect(Self.initial.name == "initial_schema")
        #expect(Self.initial.sql.contains("CREATE TABLE routes"))
    }

    @Test("a fresh database gets version 1, recorded with its name and checksum")
    func fresh() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("fresh.sqlite"))
        #expect(try SchemaMigrator().migrate(queue) == [1])
        #expect(try Self.ledger(queue) == [["1", "initial_schema", Self.initial.checksum]])
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
        #expect(try Self.ledger(queue) == [["1", "initial_schema", Self.initial.checksum]])
        #expect(try Self.tableNames(queue) == Self.tables)
    }

    @Test("a second run applies nothing, and reopening a store is idempotent")
    func idempotent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("again.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            #expect(try SchemaMigrator().migrate(queue) == [1])
            #expect(try SchemaMigrator().migrate(queue) == [])
        }
        for _ in 0..<2 {
            let store = try SQLiteRegistryStore(path: path)
            try store.close()
        }
        #expect(try Self.ledger(try DatabaseQueue(path: path)).count == 1)
    }

    @Test("a migration edited after it was applied is refused, naming it")
    func edited() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("edited.sqlite")
        let queue = try DatabaseQueue(path: path)
        try SchemaMigrator().migrate(queue)
        let edited = SchemaMigration(version: 1, name: "initial_schema", sql: Self.initial.sql + "\n-- edited\n")
        #expect(edited.checksum != Self.initial.checksum)
        let error = try #require(throws: RegistryError.self) { try SchemaMigrator(migrations: [edited]).migrate(queue) }
        #expect(error.code == .serviceUnavailable)
        #expect(error.message.contains("0001_initial_schema"))
        #expect(error.message.contains(Self.initial.checksum))
        #expect(error.message.contains(edited.checksum))
        let storeError = try #require(throws: RegistryError.self) {
            try SQLiteRegistryStore(path: path, migrations: [edited])
        }
        #expect(storeError.code == .serviceUnavailable)
        #expect(try Self.ledger(queue) == [["1", "initial_schema", Self.initial.checksum]])
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

    @Test("a failing migration leaves no ledger row and no partial table; fixed, it applies")
    func failing() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("failing.sqlite"))
        let broken = SchemaMigration(
            version: 2, name: "broken",
            sql:
                "CREATE TABLE half_done (x INTEGER);\nINSERT INTO half_done VALUES (1);\n"
                + "INSERT INTO nowhere VALUES (1);"
        )
        let error = try #require(throws: RegistryError.self) {
            try SchemaMigrator(migrations: EmbeddedMigrations.all + [broken]).migrate(queue)
        }
        #expect(error.code == .serviceUnavailable)
        #expect(error.message.contains("0002_broken"))
        #expect(error.message.contains("nowhere"))
        #expect(try Self.ledger(queue).map { $0[0] } == ["1"])
        #expect(try Self.tableNames(queue) == Self.tables)

        let fixed = SchemaMigration(version: 2, name: "broken", sql: "CREATE TABLE half_done (x INTEGER);")
        #expect(try SchemaMigrator(migrations: EmbeddedMigrations.all + [fixed]).migrate(queue) == [2])
        #expect(try Self.ledger(queue).map { $0[0] } == ["1", "2"])
        #expect(try Self.tableNames(queue).contains("half_done"))
    }

    @Test("migrations apply in version order whatever order they are given in")
    func ordering() throws {
        let directory = try TemporaryDirectory()
        let queue = try DatabaseQueue(path: directory.file("order.sqlite"))
        let third = SchemaMigration(version: 3, name: "fill", sql: "INSERT INTO extra (x) VALUES (3);")
        let second = SchemaMigration(version: 2, name: "extra", sql: "CREATE TABLE extra (x INTEGER);")
        let migrator = SchemaMigrator(migrations: [third, Self.initial, second])
        #expect(migrator.migrations.map(\.version) == [1, 2, 3])
        #expect(try migrator.migrate(queue) == [1, 2, 3])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT x FROM extra") } == 3)
        #expect(try Self.ledger(queue).map { $0[1] } == ["initial_schema", "extra", "fill"])
    }

    @Test("a store opened with a new migration applies only that one")
    func upgrade() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("upgrade.sqlite")
        try SQLiteRegistryStore(path: path).close()
        let second = SchemaMigration(version: 2, name: "notes", sql: "CREATE TABLE notes (x TEXT);")
        try SQLiteRegistryStore(path: path, migrations: EmbeddedMigrations.all + [second]).close()
        let queue = try DatabaseQueue(path: path)
        #expect(try Self.ledger(queue).map { $0[1] } == ["initial_schema", "notes"])
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
