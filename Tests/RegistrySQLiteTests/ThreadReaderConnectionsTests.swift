import Foundation
import GRDB
import RegistryDomain
import Synchronization
import Testing

@testable import RegistrySQLite

/// One read-only connection per reading thread, bounded in number.
@Suite("Per-thread readers")
struct ThreadReaderConnectionsTests {
    /// Runs `body` on `count` threads alive at the same time (a finished thread's id can be reused by
    /// the next thread, which would then own the same connection) and returns each thread's result.
    static func onThreadsAtOnce<Value: Sendable>(
        _ count: Int, _ body: @escaping @Sendable () throws -> Value
    ) throws -> [Value] {
        let finished = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let exited = DispatchSemaphore(value: 0)
        let results = Mutex<[Result<Value, any Error>]>([])
        for _ in 0..<count {
            Thread {
                let result = Result { try body() }
                results.withLock { $0.append(result) }
                finished.signal()
                release.wait()
                exited.signal()
            }.start()
        }
        for _ in 0..<count { finished.wait() }
        for _ in 0..<count { release.signal() }
        for _ in 0..<count { exited.wait() }
        return try results.withLock { $0 }.map { try $0.get() }
    }

    @Test("each live thread has its own connection, kept across reads; past the maximum, threads get none")
    func connectionsPerThread() throws {
        let fixture = try StoreFixture()
        let readers = ThreadReaderConnections(path: fixture.path, configuration: Configuration(), maximumCount: 2)
        let pairs = try Self.onThreadsAtOnce(3) { () throws -> [ObjectIdentifier?] in
            [try readers.connection().map(ObjectIdentifier.init), try readers.connection().map(ObjectIdentifier.init)]
        }
        #expect(pairs.allSatisfy { $0[0] == $0[1] })
        let owned = pairs.compactMap { $0[0] }
        #expect(owned.count == 2 && Set(owned).count == 2)
        try readers.closeAll()
        #expect(try Self.onThreadsAtOnce(2) { try readers.connection() != nil } == [true, true])
        try readers.closeAll()
    }

    @Test("the connections cannot write")
    func readOnly() throws {
        let fixture = try StoreFixture()
        let readers = ThreadReaderConnections(path: fixture.path, configuration: Configuration(), maximumCount: 2)
        #expect(throws: DatabaseError.self) {
            try Self.onThreadsAtOnce(1) {
                try readers.connection()?.inDatabase { db in try db.execute(sql: "DELETE FROM apis") }
            }
        }
        try readers.closeAll()
    }

    @Test("many tasks reading at once all see what was written")
    func concurrentReads() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 { group.addTask { try await fixture.service.api(api.id).name } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(names == Array(repeating: api.name, count: 64))
    }
}
