import Foundation
import GRDB
public import Logging
public import RegistryDomain
public import ServiceLifecycle
import Synchronization
import Tracing

/// The registry's store on one SQLite file: WAL, foreign keys on, `synchronous=FULL`, a pool of
/// readers and one writer that commits concurrent writes together (group commit).
///
/// A write returns only after its transaction is committed with a full fsync, so an acknowledged
/// write survives a crash or power loss. The store is a `Service`: in the application's service
/// group it stays open until the group shuts down or is cancelled (also when another service
/// fails), then checkpoints the WAL and closes. Every failure it reports is a ``RegistryError``
/// (see ``RegistryError/init(storageFailure:)``).
public final class SQLiteRegistryStore: RegistryStore, Service {
    /// The path of the database file.
    public let path: String
    /// Whether the file could only be opened read-only: reads work, every write fails with
    /// ``RegistryError/Code/serviceUnavailable``. A database with pending migrations does not open so.
    public let isReadOnly: Bool
    private let pool: DatabasePool
    private let threadReaders: ThreadReaderConnections
    private let writer: GroupCommitWriter
    private let logger: Logger
    private let closed = Atomic(false)

    /// Opens (creating if needed) the database at `path` and applies pending migrations. A file that
    /// cannot be written opens read-only (see ``isReadOnly``) when its schema is current.
    /// - Parameters:
    ///   - migrations: the schema migrations to apply (the embedded ones by default).
    ///   - readers: the most reader connections to keep open at once.
    ///   - logger: where the store reports that it stopped.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when the file cannot be opened or a
    ///   migration is refused (see ``SchemaMigrator``).
    public init(
        path: String, migrations: [SchemaMigration] = EmbeddedMigrations.all, readers: Int = 4,
        logger: Logger = Logger(label: "integration-registry.store")
    ) throws(RegistryError) {
        let pool: DatabasePool
        self.path = path
        self.logger = logger
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = max(1, readers)
        configuration.journalMode = .wal
        // SQLite's default page cache is 2 MiB per connection; a catalog of a million routes
        // outgrows it and every random lookup becomes a pread. 16 MiB per reader, 48 MiB for the
        // writer (whose inserts touch random pages of several indexes) keep the working set hot
        // while the whole process stays well under 200 MiB.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        var readOnly = false
        do {
            do {
                pool = try Self.openPool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
                // The file cannot be written (GRDB writes once when it opens a pool in WAL mode).
                // Serve it read-only: reads work, writes answer 503 until the file is writable.
                configuration.readonly = true
                pool = try Self.openPool(path: path, configuration: configuration)
                readOnly = true
            }
            // DatabasePool sets synchronous=NORMAL on its writer; a 2xx must mean "on disk".
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                try db.execute(sql: "PRAGMA cache_size = -49152")
                // SQLite checkpoints on the committing connection once the WAL holds 1,000 pages.
                // A catalog's writes touch a few random pages of several indexes each (route,
                // history, change log), so at 1,000 pages nearly every WAL frame was copied back on
                // its own: the writer spent more time checkpointing than writing. At 10,000 pages a
                // hot index page is copied once for several writes (BENCHMARKS.md: writes over
                // hundreds of APIs 1.6-1.8x faster); the WAL peaks near 40 MiB and is cut back to
                // 64 MiB at most after a burst that outran the checkpoints.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
            }
            try SchemaMigrator(migrations: migrations).migrate(pool)
        } catch {
            throw RegistryError(storageFailure: error)
        }
        self.pool = pool
        threadReaders = ThreadReaderConnections(
            path: path, configuration: configuration, maximumCount: max(1, readers) * 2)
        isReadOnly = readOnly
        let indexed: Bool
        do {
            indexed = try pool.read { db in try CatalogSearchIndex.exists(db) }
        } catch {
            throw RegistryError(storageFailure: error)
        }
        writer = GroupCommitWriter(pool: pool, beforeCommit: indexed ? CatalogSearchIndex.flush : nil)
    }

    /// Opens a pool on `path`, trying again for up to a minute while the file is busy.
    ///
    /// Turning a new file to WAL takes an exclusive lock, and SQLite answers `SQLITE_BUSY` at once,
    /// without its busy timeout, to another connection doing the same: several processes started
    /// together on a new file (a restart overlapping the old process) would all but one fail.
    /// - Throws: GRDB's error once the file is still busy after a minute, or any other failure.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline
            {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    /// Write transactions committed and the writes they carried (writes per fsync = writes /
    /// transactions), the writes waiting now, and the sizes of the database file and its WAL.
    public func statistics() -> StoreStatistics {
        let (transactions, writes, waiting) = writer.statistics
        var files: [String: Int64] = [:]
        for (role, suffix) in [("main", ""), ("wal", "-wal")] {
            var status = stat()
            files[role] = stat(path + suffix, &status) == 0 ? Int64(status.st_size) : 0
        }
        return StoreStatistics(transactions: transactions, writes: writes, waitingWrites: waiting, fileBytes: files)
    }

    /// Runs `body` on a reader connection, in one snapshot.
    /// - Throws: what `body` throws; ``RegistryError/Code/serviceUnavailable`` once the store is
    ///   closed or when the database cannot be read.
    public func read<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result {
        try checkOpen()
        do {
            // Reads take tens of microseconds; running them on the calling thread avoids two thread
            // hops per request, which cost more than the query on a small machine.
            return try readOnCallingThread { db in try body(SQLiteRegistryTransaction(db)) }
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Runs `body` on a reader connection against the catalog as it stood right after change
    /// `sequence` (see ``HistoryTables``).
    /// - Throws: what `body` throws; ``RegistryError/Code/serviceUnavailable`` once the store is
    ///   closed or when the database cannot be read.
    public func read<Result: Sendable>(
        asOfChange sequence: Int64,
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result {
        try checkOpen()
        do {
            return try readOnCallingThread { db in
                try body(SQLiteRegistryTransaction(db, asOfChange: sequence, origin: .anonymous, journal: nil))
            }
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Runs `body` in one write transaction on the writer connection. The write names
    /// ``ChangeOrigin/current`` (of the calling task) in its change record.
    /// - Throws: what `body` throws, ``RegistryError/Code/internalFailure`` when `body` returns
    ///   without recording its change; ``RegistryError/Code/serviceUnavailable`` once the store is
    ///   closed or when the database cannot be written (the write is then rolled back).
    public func write<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryWriteTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result {
        try checkOpen()
        let origin = ChangeOrigin.current
        let dryRun = DryRun.current
        // From joining the writer's queue to the group's commit (its fsync included).
        let span = startSpan("write transaction")
        defer { span.end() }
        do {
            return try await writer.write { db in
                if let dryRun { return try Self.dryRun(body, on: db, origin: origin, keepingIn: dryRun) }
                return try Self.run(body, on: db, origin: origin).result
            }
        } catch {
            span.recordError(error)
            throw RegistryError(storageFailure: error)
        }
    }

    /// Runs one write's body on the writer connection and checks that it recorded its change.
    /// - Throws: what `body` throws; ``RegistryError/Code/internalFailure`` when it recorded none.
    private static func run<Result>(
        _ body: (any RegistryWriteTransaction) throws(RegistryError) -> Result, on db: Database, origin: ChangeOrigin
    ) throws -> (result: Result, changes: [(sequence: Int64, stream: ChangeStream)]) {
        let journal = ChangeJournal()
        let result = try body(SQLiteRegistryTransaction(db, asOfChange: nil, origin: origin, journal: journal))
        // Every successful write leaves a change record; one that does not is a bug in its use case,
        // refused here (its savepoint is rolled back) rather than committed without a history.
        let recorded = journal.recorded
        guard !recorded.isEmpty else {
            throw RegistryError(.internalFailure, "A write ended without recording its change.")
        }
        return (result, recorded)
    }

    /// Runs a write as a dry run: every rule runs, its state before and after goes into `dryRun`, and
    /// what it wrote is rolled back (a savepoint inside the write's own), so it commits nothing.
    ///
    /// The APIs a change touches are known only once it has run, and a change can stop touching one
    /// (a mapping moved to another API or deleted): when the state before names an API the state
    /// after did not, the write runs a second time to read that API after it too.
    /// - Throws: what `body` throws, or the storage failure.
    private static func dryRun<Result>(
        _ body: (any RegistryWriteTransaction) throws(RegistryError) -> Result, on db: Database, origin: ChangeOrigin,
        keepingIn dryRun: DryRun
    ) throws -> Result {
        func rolledBack<Value>(_ work: () throws -> Value) throws -> Value {
            try db.execute(sql: "SAVEPOINT registry_dry_run")
            defer {
                try? db.execute(sql: "ROLLBACK TRANSACTION TO SAVEPOINT registry_dry_run")
                try? db.execute(sql: "RELEASE SAVEPOINT registry_dry_run")
            }
            return try work()
        }
        let reader = SQLiteRegistryTransaction(db)
        func touchedAPIs(by streams: [ChangeStream]) throws -> Set<APIID> {
            var touched: Set<APIID> = []
            for stream in streams { touched.formUnion(try DryRun.touchedAPIs(by: stream, in: reader)) }
            return touched
        }
        var (result, streams, revision, touched, after) = try rolledBack {
            () throws -> (Result, [ChangeStream], Int?, Set<APIID>, DryRun.State) in
            let (result, changes) = try run(body, on: db, origin: origin)
            let streams = changes.map(\.stream)
            // A revision is the stream's; a write of several streams has one per stream.
            let revision =
                changes.count == 1
                ? try reader.count("SELECT revision FROM changes WHERE seq = ?", [changes[0].sequence]) : nil
            let touched = try touchedAPIs(by: streams)
            return (result, streams, revision, touched, try DryRun.state(of: touched, streams: streams, in: reader))
        }
        let touchedBefore = try touchedAPIs(by: streams)
        if !touchedBefore.isSubset(of: touched) {
            touched.formUnion(touchedBefore)
            (result, after) = try rolledBack { () throws -> (Result, DryRun.State) in
                let (result, _) = try run(body, on: db, origin: origin)
                return (result, try DryRun.state(of: touched, streams: streams, in: reader))
            }
        }
        dryRun.keep(
            before: try DryRun.state(of: touched, streams: streams, in: reader), after: after, streams: streams,
            revision: revision)
        return result
    }

    /// Runs `SELECT 1` on a reader connection.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when the store is closed or the database
    ///   does not answer.
    public func checkHealth() async throws(RegistryError) {
        try checkOpen()
        do {
            _ = try readOnCallingThread { db in try Int.fetchOne(db, sql: "SELECT 1") }
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    private func checkOpen() throws(RegistryError) {
        // One load per request. The service group closes the store only after the server has
        // answered its last request, so nothing races the close; the check keeps a late caller from
        // opening reader connections again on a closed store.
        guard !closed.load(ordering: .relaxed) else {
            throw RegistryError(.serviceUnavailable, "The registry is shutting down; retry on another instance.")
        }
    }

    /// Runs `body` on the calling thread with that thread's own read-only connection (see
    /// ``ThreadReaderConnections``; the pool's readers when too many threads read), inside one
    /// deferred transaction: one snapshot of the database.
    ///
    /// GRDB's `read` would also toggle `PRAGMA query_only` around each read and run its transaction
    /// through savepoint bookkeeping: four extra statements per request. The connections are opened
    /// read-only, so only the transaction is kept, as two cached statements.
    private func readOnCallingThread<Value>(_ body: (Database) throws -> Value) throws -> Value {
        if let connection = try threadReaders.connection() {
            return try connection.inDatabase { db in try Self.inSnapshot(db, body) }
        }
        return try pool.unsafeRead { db in try Self.inSnapshot(db, body) }
    }

    private static func inSnapshot<Value>(_ db: Database, _ body: (Database) throws -> Value) throws -> Value {
        try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
        let value: Value
        do {
            value = try body(db)
        } catch {
            try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
            throw error
        }
        try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
        return value
    }

    /// Reads a PRAGMA's value through the writer connection (for tests and diagnostics).
    /// - Throws: ``RegistryError`` when the database cannot be read.
    public func writerPragma(_ name: String) throws(RegistryError) -> String? {
        do {
            return try pool.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Whether ``close()`` has run: reads and writes are then refused.
    public var isClosed: Bool { closed.load(ordering: .acquiring) }

    /// Keeps the store open until the service group shuts down gracefully (after the services
    /// started later, such as the HTTP server, have stopped) or is cancelled, then closes it.
    /// - Throws: ``RegistryError`` when the checkpoint or the close fails.
    public func run() async throws {
        // Returns on graceful shutdown, throws CancellationError when the group is cancelled
        // (another service failed): the store closes either way.
        try? await gracefulShutdown()
        let checkpointed = try close()
        logger.info("stopped", metadata: ["database": .string(path), "walCheckpointed": "\(checkpointed)"])
    }

    /// Writes a consistent copy of the database to `path` (see ``SQLiteBackup``) from a reader
    /// connection, off the calling thread: writers go on meanwhile.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when the store is closed, or the copy
    ///   cannot be written or fails its checks (nothing is left at `path` then).
    public func backup(to path: String) async throws(RegistryError) -> BackupSummary {
        try checkOpen()
        let pool = self.pool
        do {
            return try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    continuation.resume(with: Result { try SQLiteBackup.copy(from: pool, to: path) })
                }
            }
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Checkpoints the WAL into the main file and closes every connection; later calls do nothing.
    /// - Returns: whether the WAL was checkpointed now; `false` when the database file is read-only
    ///   (nothing was written then, so nothing is lost), another process holds it (the WAL stays for
    ///   that process; every commit is in it) or the store was already closed.
    /// - Throws: ``RegistryError`` when the checkpoint fails otherwise or the close fails.
    @discardableResult
    public func close() throws(RegistryError) -> Bool {
        guard closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return false }
        do {
            try threadReaders.closeAll()
            var checkpointed = true
            do {
                _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_BUSY
            {
                // Read-only: nothing was written. Busy: another process has the file open (a
                // restart overlapping this one) and checkpoints it itself; every commit is in the
                // WAL already, so nothing is lost either way.
                checkpointed = false
            }
            try pool.close()
            return checkpointed
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }
}
