import GRDB
import RegistryDomain

/// Applies ``SchemaMigration``s in order and keeps the ledger `schema_migrations`.
///
/// Each migration runs in its own transaction together with its ledger row. The migrator refuses
/// to go on when a migration that was applied has since been edited (its checksum differs) or when
/// the database has a version this binary does not know (it was migrated by a newer release).
///
/// Several processes may open one file at once (a restart overlapping the old process, a second
/// instance by mistake): each migration's transaction takes the write lock first (`BEGIN
/// IMMEDIATE`) and reads the ledger again under it, so exactly one process applies each migration
/// while the others wait for the lock, find it recorded and go on.
struct SchemaMigrator: Sendable {
    /// The migrations this binary knows, in any order.
    let migrations: [SchemaMigration]
    /// How long a process waits for another one's migration before it gives up.
    let patience: Duration

    /// Creates a migrator for `migrations`.
    init(migrations: [SchemaMigration] = EmbeddedMigrations.all, patience: Duration = .seconds(600)) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.patience = patience
    }

    /// Brings the database up to date.
    /// - Returns: the versions applied now (by this call; not those another process applied).
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` naming the migration on checksum drift, an
    ///   unknown newer version, a migration whose SQL fails (that migration leaves no trace), or when
    ///   another process held the write lock for longer than ``patience``.
    @discardableResult
    func migrate(_ writer: some DatabaseWriter) throws -> [Int] {
        try writer.writeWithoutTransaction { db in
            // A first look without the write lock: an up-to-date database opens without writing,
            // which a read-only file needs, and without queueing behind other processes' writes.
            if try pending(in: try ledger(db)).isEmpty { return [] }
            var appliedNow: [Int] = []
            for migration in migrations {
                if try applyUnlessRecorded(migration, db) { appliedNow.append(migration.version) }
            }
            return appliedNow
        }
    }

    /// Applies `migration` with its ledger row in one transaction that holds the write lock from its
    /// start, unless the ledger (read under that lock) already records it.
    /// - Returns: whether this call applied it.
    /// - Throws: as ``migrate(_:)``.
    private func applyUnlessRecorded(_ migration: SchemaMigration, _ db: Database) throws -> Bool {
        let deadline = ContinuousClock.now + patience
        while true {
            do {
                var applied = false
                try db.inTransaction(.immediate) {
                    // Even CREATE TABLE IF NOT EXISTS needs a writable file; it runs only when a
                    // migration is pending, which a read-only file cannot take anyway.
                    try db.execute(
                        sql: """
                            CREATE TABLE IF NOT EXISTS schema_migrations (
                                version INTEGER PRIMARY KEY,
                                name TEXT NOT NULL,
                                checksum TEXT NOT NULL,
                                applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                            )
                            """)
                    // Read again under the lock: another process may have applied it meanwhile,
                    // or been a newer release.
                    let recorded = try ledger(db)
                    _ = try pending(in: recorded)
                    guard recorded[migration.version] == nil else { return .commit }
                    do {
                        try db.execute(sql: migration.sql)
                        // A migration that writes indexed tables queues their documents; they go
                        // into the search index in its own transaction, as a write's do.
                        if try CatalogSearchIndex.exists(db) { try CatalogSearchIndex.flush(db) }
                        try db.execute(
                            sql: "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                            arguments: [migration.version, migration.name, migration.checksum])
                    } catch let error as DatabaseError {
                        throw RegistryError(
                            .serviceUnavailable,
                            "Migration \(fourDigits(migration.version))_\(migration.name) failed: "
                                + (error.message ?? "\(error)"))
                    }
                    applied = true
                    return .commit
                }
                return applied
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline
            {
                // Another process holds the write lock past the busy timeout (a long migration of a
                // large catalog): wait for it rather than give up.
                continue
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                throw RegistryError(
                    .serviceUnavailable,
                    "Another process held the database's write lock for more than \(patience) while "
                        + "migration \(fourDigits(migration.version))_\(migration.name) was pending. Refusing to start."
                )
            }
        }
    }

    /// Checks the ledger of a database this binary did not migrate (a backup): every version it
    /// records is known here, with this binary's checksum. Versions it lacks are fine: the server
    /// applies them when it opens the database.
    /// - Returns: the newest version the ledger records.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when the database has no ledger or records
    ///   a version this binary does not know or whose checksum differs.
    func checkLedger(_ db: Database) throws -> Int {
        guard try db.tableExists("schema_migrations") else {
            throw RegistryError(
                .serviceUnavailable, "It has no migration ledger (schema_migrations): it is not a registry database.")
        }
        let recorded = try ledger(db)
        _ = try pending(in: recorded)
        return recorded.keys.max() ?? 0
    }

    /// The ledger's rows (version to checksum); empty when the ledger does not exist yet.
    private func ledger(_ db: Database) throws -> [Int: String] {
        guard try db.tableExists("schema_migrations") else { return [:] }
        var applied: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT version, checksum FROM schema_migrations") {
            applied[row["version"]] = row["checksum"]
        }
        return applied
    }

    /// The migrations `applied` lacks, in order.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when `applied` records a version this
    ///   binary does not know, or one whose checksum differs from this binary's.
    private func pending(in applied: [Int: String]) throws(RegistryError) -> [SchemaMigration] {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        if let unknown = applied.keys.filter({ known[$0] == nil }).max() {
            throw RegistryError(
                .serviceUnavailable,
                "The database has schema version \(unknown), which this binary does not know; "
                    + "it was migrated by a newer release. Refusing to start.")
        }
        for (version, checksum) in applied.sorted(by: { $0.key < $1.key }) where known[version]?.checksum != checksum {
            let migration = known[version]!
            throw RegistryError(
                .serviceUnavailable,
                "Migration \(fourDigits(version))_\(migration.name) was edited after it was applied "
                    + "(checksum \(checksum) in the database, \(migration.checksum) in this binary). "
                    + "Refusing to start: add a new migration instead.")
        }
        return migrations.filter { applied[$0.version] == nil }
    }
}

/// A version number as the four digits of a migration file name.
func fourDigits(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
