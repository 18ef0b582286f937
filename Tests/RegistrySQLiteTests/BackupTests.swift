import Foundation
import GRDB
import RegistryDomain
import RegistryTestSupport
import Synchronization
import Testing

@testable import RegistrySQLite

/// Online backups, the checks a copy must pass, and restores, on real database files.
@Suite("Backup and restore")
struct BackupTests {
    /// A store with two APIs, one with two routes on an integration, and a VPC link.
    static func populated() async throws -> (StoreFixture, [APIID]) {
        let fixture = try StoreFixture()
        let pets = try await fixture.httpAPI("pets")
        let integration = try await fixture.lambdaIntegration(in: pets)
        try await fixture.route("GET /pets", to: integration, in: pets)
        try await fixture.route("POST /pets", to: integration, in: pets)
        let books = try await fixture.httpAPI("books")
        _ = try await fixture.vpcLink()
        return (fixture, [pets.id, books.id])
    }

    @Test("a backup holds everything, says so, and opens as a registry with the same catalog")
    func backupHoldsEverything() async throws {
        let (fixture, apis) = try await Self.populated()
        let copy = fixture.directory.file("copy.sqlite")
        let summary = try await fixture.store.backup(to: copy)
        #expect(summary.schemaVersion == EmbeddedMigrations.all.map(\.version).max())
        let counts: [Int] = [summary.apis, summary.routes, summary.integrations, summary.vpcLinks, summary.domainNames]
        #expect(counts == [2, 2, 1, 1, 0])
        #expect(summary.changeRecords == 6)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int64)
        #expect(summary.bytes == size)
        // One self-contained file: no WAL beside it, and rollback journal mode in its header.
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial"))
        let mode = try await DatabaseQueue(path: copy).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "delete")
        let before = try await fixture.snapshot(of: apis[0])
        let restored = try SQLiteRegistryStore(path: copy)
        defer { _ = try? restored.close() }
        let after = try await RegistryService(store: restored, clock: Sample.now).api(apis[0])
        #expect(after == before.api)
    }

    @Test("a backup taken while 16 writers write holds every write acknowledged before it began")
    func backupUnderWriters() async throws {
        let fixture = try StoreFixture()
        let writes = WriteLedger()
        let copy = fixture.directory.file("under-load.sqlite")
        let (before, summary) = try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    var n = 0
                    while !writes.stopped {
                        let api = try await fixture.httpAPI("w\(writer)-\(n)")
                        writes.acknowledge(api.id)
                        n += 1
                    }
                }
            }
            while writes.acknowledged.count < 200 { try await Task.sleep(for: .milliseconds(5)) }
            let before = writes.acknowledged
            let summary = try await fixture.store.backup(to: copy)
            writes.stop()
            try await group.waitForAll()
            return (before, summary)
        }
        let inCopy = try await DatabaseQueue(path: copy).read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM apis").compactMap(APIID.init(validating:)))
        }
        #expect(before.isSubset(of: inCopy))
        #expect(summary.apis == inCopy.count)
        let integrity = try await DatabaseQueue(path: copy).read { db in
            try String.fetchOne(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == "ok")
    }

    @Test("the command-line backup copies a database another connection is writing")
    func backUpDatabaseFile() async throws {
        let (fixture, _) = try await Self.populated()
        let copy = fixture.directory.file("cli.sqlite")
        let summary = try SQLiteBackup.backUp(databaseAt: fixture.path, to: copy)
        #expect(summary.apis == 2 && summary.routes == 2)
        // Run again: the checked new copy replaces the old one.
        _ = try await fixture.httpAPI("third")
        #expect(try SQLiteBackup.backUp(databaseAt: fixture.path, to: copy).apis == 3)
        let missing = try #require(throws: RegistryError.self) {
            try SQLiteBackup.backUp(databaseAt: fixture.directory.file("absent.sqlite"), to: copy)
        }
        #expect(missing.code == .badRequest)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("absent.sqlite")))
        let itself = try #require(throws: RegistryError.self) {
            try SQLiteBackup.backUp(databaseAt: fixture.path, to: fixture.directory.path + "/./registry.sqlite")
        }
        #expect(itself.code == .badRequest)
    }

    /// How a copy is spoiled, and what the refusal names.
    struct Spoiled: CustomTestStringConvertible, Sendable {
        let name: String
        let spoil: @Sendable (String) throws -> Void
        let reason: String
        var testDescription: String { name }
    }

    static let spoiled: [Spoiled] = [
        Spoiled(
            name: "not a database",
            spoil: { path in try Data("hello".utf8).write(to: URL(fileURLWithPath: path)) },
            reason: "not a SQLite database"),
        Spoiled(
            name: "pages overwritten",
            spoil: { path in
                let handle = try #require(FileHandle(forWritingAtPath: path))
                try handle.seek(toOffset: 4096 * 3)
                handle.write(Data(repeating: 0x5A, count: 4096 * 4))
                try handle.close()
            },
            reason: "failed its checks"),
        Spoiled(
            name: "a migration this binary does not know",
            spoil: { path in
                try DatabaseQueue(path: path).write { db in
                    try db.execute(
                        sql: "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')")
                }
            },
            reason: "9999"),
        Spoiled(
            name: "an applied migration edited since",
            spoil: { path in
                try DatabaseQueue(path: path).write { db in
                    try db.execute(sql: "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
                }
            },
            reason: "edited after it was applied"),
        Spoiled(
            name: "no migration ledger",
            spoil: { path in
                try DatabaseQueue(path: path).write { db in try db.execute(sql: "DROP TABLE schema_migrations") }
            },
            reason: "not a registry database"),
    ]

    @Test("a spoiled copy is refused and the database is left as it was", arguments: spoiled)
    func spoiledCopyRefused(_ spoiled: Spoiled) async throws {
        let (fixture, _) = try await Self.populated()
        let copy = fixture.directory.file("spoiled.sqlite")
        _ = try await fixture.store.backup(to: copy)
        try spoiled.spoil(copy)
        let target = fixture.directory.file("target.sqlite")
        let kept = try await Self.populated().0
        _ = try kept.store.close()
        try FileManager.default.copyItem(atPath: kept.path, toPath: target)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let error = try #require(throws: RegistryError.self) { try SQLiteBackup.restore(from: copy, to: target) }
        #expect(error.code == .serviceUnavailable)
        #expect(error.message.contains(spoiled.reason), "\(error.message)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
    }

    @Test("a restore is refused while a store has the database open, and changes nothing")
    func restoreRefusedWhileOpen() async throws {
        let (fixture, _) = try await Self.populated()
        let copy = fixture.directory.file("copy.sqlite")
        _ = try await fixture.store.backup(to: copy)
        let other = try StoreFixture()
        _ = try await other.httpAPI("only-here")
        let error = try #require(throws: RegistryError.self) { try SQLiteBackup.restore(from: copy, to: other.path) }
        #expect(error.code == .conflict)
        #expect(error.message.contains("stop it before restoring"))
        #expect(try await other.service.apis(PageRequest(maxResults: 10)).items.map(\.name) == ["only-here"])
    }

    @Test("a restore replaces a stopped database's catalog, and a store then opens on it")
    func restoreReplaces() async throws {
        let (fixture, apis) = try await Self.populated()
        let copy = fixture.directory.file("copy.sqlite")
        _ = try await fixture.store.backup(to: copy)
        let other = try StoreFixture()
        _ = try await other.httpAPI("replaced")
        _ = try other.store.close()
        let summary = try SQLiteBackup.restore(from: copy, to: other.path)
        #expect(summary.apis == 2)
        let reopened = try SQLiteRegistryStore(path: other.path)
        defer { _ = try? reopened.close() }
        let names = try await RegistryService(store: reopened, clock: Sample.now).apis(PageRequest(maxResults: 10))
            .items.map(\.name)
        #expect(Set(names) == ["pets", "books"])
        #expect(try await RegistryService(store: reopened, clock: Sample.now).api(apis[0]).name == "pets")
        // Into a new file too.
        let fresh = fixture.directory.file("fresh.sqlite")
        #expect(try SQLiteBackup.restore(from: copy, to: fresh).routes == 2)
        let same = try #require(throws: RegistryError.self) { try SQLiteBackup.restore(from: copy, to: copy) }
        #expect(same.code == .badRequest)
    }

    @Test("a copy from an older release restores, and the store applies the newer migrations")
    func olderCopyRestores() throws {
        let directory = try TemporaryDirectory()
        let old = try SQLiteRegistryStore(
            path: directory.file("old.sqlite"), migrations: Array(EmbeddedMigrations.all.prefix(6)))
        _ = try old.close()
        let copy = directory.file("old-copy.sqlite")
        #expect(try SQLiteBackup.backUp(databaseAt: directory.file("old.sqlite"), to: copy).schemaVersion == 6)
        let target = directory.file("target.sqlite")
        #expect(try SQLiteBackup.restore(from: copy, to: target).schemaVersion == 6)
        let store = try SQLiteRegistryStore(path: target)
        _ = try store.close()
        #expect(try SQLiteBackup.verify(copyAt: target).schemaVersion == EmbeddedMigrations.all.count)
    }
}

/// The writes the concurrent writers had acknowledged, and the signal that stops them.
private final class WriteLedger: Sendable {
    private let state = Mutex<(acknowledged: Set<APIID>, stopped: Bool)>(([], false))

    /// The APIs whose creation was acknowledged so far.
    var acknowledged: Set<APIID> { state.withLock { $0.acknowledged } }
    /// Whether the writers should stop.
    var stopped: Bool { state.withLock { $0.stopped } }
    /// Records an acknowledged creation.
    func acknowledge(_ api: APIID) { state.withLock { _ = $0.acknowledged.insert(api) } }
    /// Tells the writers to stop.
    func stop() { state.withLock { $0.stopped = true } }
}
