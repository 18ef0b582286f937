import Foundation
import GRDB
import Synchronization

/// One read-only connection per thread that reads, so that a read never waits for another thread.
///
/// GRDB's `DatabasePool` hands its readers out through a lock built on a concurrent dispatch queue;
/// with every event-loop thread reading at once, a fifth of the CPU went to waiting on that lock and
/// the context switches it causes. Here each thread owns a connection of its own, found by thread
/// id under a mutex held for a dictionary lookup. Reads are synchronous (no suspension point inside),
/// so a connection is only ever used by the thread that owns it. Past ``maximumCount`` threads,
/// ``connection()`` returns `nil` and the caller falls back to the pool.
final class ThreadReaderConnections: Sendable {
    /// The most connections kept open.
    let maximumCount: Int
    private let path: String
    private let configuration: Configuration
    private let connections = Mutex<[UInt: DatabaseQueue]>([:])

    /// Prepares connections to the database at `path`, opened read-only with `configuration`.
    init(path: String, configuration: Configuration, maximumCount: Int) {
        var configuration = configuration
        configuration.readonly = true
        self.path = path
        self.configuration = configuration
        self.maximumCount = maximumCount
    }

    /// The calling thread's connection, opened on first use; `nil` when ``maximumCount`` threads
    /// already have one.
    /// - Throws: GRDB's error when the connection cannot be opened.
    func connection() throws -> DatabaseQueue? {
        #if canImport(Darwin)
            let thread = UInt(bitPattern: pthread_self())
        #else
            let thread = UInt(pthread_self())
        #endif
        if let existing = connections.withLock({ $0[thread] }) { return existing }
        guard connections.withLock({ $0.count }) < maximumCount else { return nil }
        let opened = try DatabaseQueue(path: path, configuration: configuration)
        return connections.withLock { connections in
            if let raced = connections[thread] { return raced }
            guard connections.count < maximumCount else { return nil }
            connections[thread] = opened
            return opened
        }
    }

    /// Closes every connection; later calls of ``connection()`` open new ones.
    /// - Throws: GRDB's error when a connection cannot be closed.
    func closeAll() throws {
        let all = connections.withLock { connections in
            defer { connections.removeAll() }
            return Array(connections.values)
        }
        for connection in all { try connection.close() }
    }
}
