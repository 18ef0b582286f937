import GRDB
import RegistryDomain

/// Applies ``SchemaMigration``s in order and keeps the ledger `schema_migrations`.
///
/// Each migration runs in its own transaction together with its ledger row. The migrator refuses
/// to go on when a migration that was applied has since been edited (its checksum differs) or when
/// the database has a version this binary does not know (it was migrated by a newer release).
struct SchemaMigrator: Sendable {
    /// The migrations this binary knows, in any order.
    let migrations: [SchemaMigration]

    /// Creates a migrator for `migrations`.
    init(migrations: [SchemaMigration] = EmbeddedMigrations.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Brings the database up to date.
    /// - Returns: the versions applied now.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` naming the migration on checksum drift, an
    ///   unknown newer version, or a migration whose SQL fails (that migration leaves no trace).
    @discardableResult
    func migrate(_ writer: some DatabaseWriter) throws -> [Int] {
        try writer.writeWithoutTransaction { db in
            // Create the ledger only when missing: even CREATE TABLE IF NOT EXISTS needs a writable
            // file, and an up-to-date database whose file is read-only must still open (for reads).
            if try !db.tableExists("schema_migrations") {
                try db.execute(
                    sql: """
                        CREATE TABLE schema_migrations (
                            version INTEGER PRIMARY KEY,
                            name TEXT NOT NULL,
                            checksum TEXT NOT NULL,
                            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                        )
                        """)
            }
            var applied: [Int: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT version, checksum FROM schema_migrations") {
                applied[row["version"]] = row["checksum"]
            }
            let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
            if let unknown = applied.keys.filter({ known[$0] == nil }).max() {
                throw RegistryError(
                    .serviceUnavailable,
                    "The database has schema version \(unknown), which this binary does not know; "
                        + "it was migrated by a newer release. Refusing to start.")
            }
            for (version, checksum) in applied.sorted(by: { $0.key < $1.key })
            where known[version]?.checksum != checksum {
                let migration = known[version]!
                throw RegistryError(
                    .serviceUnavailable,
                    "Migration \(fourDigits(version))_\(migration.name) was edited after it was applied "
                        + "(checksum \(checksum) in the database, \(migration.checksum) in this binary). "
                        + "Refusing to start: add a new migration instead.")
            }
            var appliedNow: [Int] = []
            for migration in migrations where applied[migration.version] == nil {
                do {
                    try db.inTransaction {
                        try db.execute(sql: migration.sql)
                        // A migration that writes indexed tables queues their documents; they go
                        // into the search index in its own transaction, as a write's do.
                        if try CatalogSearchIndex.exists(db) { try CatalogSearchIndex.flush(db) }
                        try db.execute(
                            sql: "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                            arguments: [migration.version, migration.name, migration.checksum])
                        return .commit
                    }
                } catch let error as DatabaseError {
                    throw RegistryError(
                        .serviceUnavailable,
                        "Migration \(fourDigits(migration.version))_\(migration.name) failed: \(error.message ?? "\(error)")"
                    )
                }
                appliedNow.append(migration.version)
            }
            return appliedNow
        }
    }
}

/// A version number as the four digits of a migration file name.
func fourDigits(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
