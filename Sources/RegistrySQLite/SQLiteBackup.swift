import Foundation
import GRDB
public import RegistryDomain

/// Consistent copies of a registry database file, the checks a copy must pass before it is trusted,
/// and putting a copy back.
///
/// A copy is taken with SQLite's online backup API inside one read transaction: it is the database
/// as it stood at one moment, while writers go on committing (WAL). It is written next to its
/// destination, made a standalone file (rollback journal, no `-wal`), checked, flushed and only then
/// renamed into place, so the destination never holds a partial or unchecked copy.
public enum SQLiteBackup {
    /// Copies the database at `source` (which a running server may be writing) to `destination`,
    /// replacing a file there only once the new copy has passed its checks.
    /// - Returns: what the copy holds.
    /// - Throws: ``RegistryError/Code/badRequest`` when there is no database at `source` or
    ///   `destination` names it; ``RegistryError/Code/serviceUnavailable`` when the copy cannot be
    ///   written or fails its checks (nothing is left at `destination` then).
    public static func backUp(
        databaseAt source: String, to destination: String
    ) throws(RegistryError)
        -> BackupSummary
    {
        guard FileManager.default.fileExists(atPath: source) else {
            throw RegistryError(.badRequest, "There is no database at \(source).")
        }
        guard !sameFile(source, destination) else {
            throw RegistryError(.badRequest, "The backup's destination is the database itself: name another file.")
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: source, configuration: configuration)
            defer { try? queue.close() }
            return try copy(from: queue, to: destination)
        } catch {
            throw RegistryError(storageFailure: error)
        }
    }

    /// Copies what `reader` reads, as of one read transaction, to `destination` (see the type's
    /// description), checks the copy and renames it into place.
    /// - Returns: what the copy holds.
    /// - Throws: GRDB's error or ``RegistryError/Code/serviceUnavailable`` when the copy cannot be
    ///   written or fails its checks; nothing is left at `destination` then.
    static func copy(from reader: some DatabaseReader, to destination: String) throws -> BackupSummary {
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let target = try DatabaseQueue(path: partial)
            try reader.backup(to: target)
            // The source's header says WAL; a backup is one self-contained file.
            try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
            let summary = try verify(copyAt: partial)
            try sync(partial)
            guard rename(partial, destination) == 0 else {
                throw RegistryError(
                    .serviceUnavailable, "The checked copy could not be moved to \(destination): \(errnoText()).")
            }
            try sync(URL(fileURLWithPath: destination).deletingLastPathComponent().path)
            return summary
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: partial + suffix)
            }
            throw error
        }
    }

    /// Checks the copy at `path`: a SQLite database whose `integrity_check` is clean and whose
    /// migration ledger this binary knows (versions it lacks are applied when a server opens it).
    /// - Returns: what the copy holds.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` naming the failed check.
    public static func verify(copyAt path: String) throws(RegistryError) -> BackupSummary {
        func refuse(_ reason: String) -> RegistryError {
            RegistryError(.serviceUnavailable, "The copy at \(path) failed its checks: \(reason)")
        }
        // The header only: a copy may be gigabytes.
        let header = FileHandle(forReadingAtPath: path).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 16)
        }
        guard let header, header.elementsEqual(Array("SQLite format 3\u{0}".utf8)) else {
            throw refuse("it is not a SQLite database.")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check(10)")
                guard problems == ["ok"] else {
                    throw refuse("integrity_check reports " + problems.joined(separator: "; ") + ".")
                }
                let version: Int
                do {
                    version = try SchemaMigrator().checkLedger(db)
                } catch let error as RegistryError {
                    throw refuse(error.message)
                }
                func count(_ table: String) throws -> Int {
                    try db.tableExists(table) ? Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 : 0
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
                return BackupSummary(
                    schemaVersion: version, apis: try count("apis"), routes: try count("routes"),
                    integrations: try count("integrations"), vpcLinks: try count("vpc_links"),
                    domainNames: try count("domain_names"), changeRecords: try count("changes"), bytes: size)
            }
        } catch let error as RegistryError {
            throw error
        } catch let error as DatabaseError {
            throw refuse((error.message ?? "SQLite error \(error.resultCode.rawValue)") + ".")
        } catch {
            throw refuse("\(error).")
        }
    }

    /// Puts the copy at `backup` back as the database at `database` (creating it when missing),
    /// after the copy passed ``verify(copyAt:)``.
    ///
    /// The database is opened with an exclusive lock first: while any other process has it open (a
    /// running server), SQLite refuses the lock and nothing is touched. The copy is written under
    /// that lock, in one transaction, so a server started meanwhile waits and then opens the
    /// restored catalog.
    /// - Returns: what the restored database holds.
    /// - Throws: ``RegistryError/Code/badRequest`` when `backup` names `database` itself;
    ///   ``RegistryError/Code/serviceUnavailable`` when the copy fails its checks;
    ///   ``RegistryError/Code/conflict`` when another process holds the database.
    public static func restore(from backup: String, to database: String) throws(RegistryError) -> BackupSummary {
        guard !sameFile(backup, database) else {
            throw RegistryError(.badRequest, "The copy to restore is the database itself: nothing to do.")
        }
        let summary = try verify(copyAt: backup)
        do {
            var configuration = Configuration()
            configuration.busyMode = .immediateError
            // Held from the first statement until the connection closes, against every other
            // connection of every process; in WAL mode every open connection holds a shared lock.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
            let target: DatabaseQueue
            do {
                target = try DatabaseQueue(path: database, configuration: configuration)
                try target.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE; COMMIT") }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                throw RegistryError(
                    .conflict,
                    "The database \(database) is open in another process (a running server?): stop it before restoring."
                )
            }
            defer { try? target.close() }
            var readOnly = Configuration()
            readOnly.readonly = true
            let source = try DatabaseQueue(path: backup, configuration: readOnly)
            defer { try? source.close() }
            try source.backup(to: target)
            try target.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check")
                guard check == "ok" else {
                    throw RegistryError(
                        .serviceUnavailable, "The restored database failed quick_check: \(check ?? "").")
                }
            }
        } catch {
            throw RegistryError(storageFailure: error)
        }
        return summary
    }

    /// Whether `first` and `second` name one file (one path, or both existing on one device and inode).
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        if URL(fileURLWithPath: first).standardizedFileURL == URL(fileURLWithPath: second).standardizedFileURL {
            return true
        }
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Flushes the file or directory at `path` to disk.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when it cannot.
    private static func sync(_ path: String) throws(RegistryError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw RegistryError(.serviceUnavailable, "\(path) could not be opened to flush it: \(errnoText()).")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw RegistryError(.serviceUnavailable, "\(path) could not be flushed to disk: \(errnoText()).")
        }
    }

    /// The text of the current `errno`.
    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
