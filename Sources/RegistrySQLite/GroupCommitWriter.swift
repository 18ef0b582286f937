import CoreMetrics
import Dispatch
import GRDB
import RegistryDomain
import Synchronization

/// Commits concurrent writes together: one writer drains the waiting writes into one transaction,
/// each write in its own savepoint, so that many writers share one fsync.
///
/// A write that throws rolls back only its savepoint; the others of its batch commit. Every waiter
/// is answered after the batch's commit (or with the commit's error), so an answer still means
/// "on disk". The queue is bounded: past ``capacity`` waiting writes, a write is refused at once
/// with ``RegistryError/Code/serviceUnavailable`` instead of the queue growing without bound.
final class GroupCommitWriter: Sendable {
    /// One waiting write.
    private struct Job: Sendable {
        /// Runs the write against the connection (inside its savepoint).
        let run: @Sendable (Database) throws -> Void
        /// Answers the waiter: `nil` for success, else the write's or the commit's error.
        let finish: @Sendable ((any Error)?) -> Void
    }

    private struct State {
        var pending: [Job] = []
        var draining = false
        var transactions = 0
        var writes = 0
    }

    /// Holds a write's result between the drain thread's run and its answer.
    private final class ResultBox<Value>: @unchecked Sendable {
        var value: Value?
    }

    /// The writer's instruments, made through the process's metrics factory (Prometheus in the
    /// server; nothing records them until one is bootstrapped).
    private struct Instruments: Sendable {
        /// `registry_write_transactions_total`: transactions committed (one fsync each).
        let transactions = Counter(label: "registry_write_transactions_total")
        /// `registry_writes_total`: writes those transactions carried.
        let writes = Counter(label: "registry_writes_total")
        /// `registry_group_commit_batch_writes`: writes per transaction, as a histogram.
        let batch = Recorder(label: "registry_group_commit_batch_writes")
        /// `registry_write_transaction_duration_seconds`: from BEGIN to the commit's fsync.
        let duration = Timer(label: "registry_write_transaction_duration_seconds")
    }

    /// The most writes waiting at once.
    let capacity: Int
    /// The most writes one transaction takes.
    let maximumBatch: Int
    private let pool: DatabasePool
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "registry.group-commit")
    private let instruments = Instruments()

    /// Runs in each group transaction after its writes, before its commit (the search index's
    /// queue, ``CatalogSearchIndex``); if it throws, the group rolls back and every write of it
    /// fails with its error.
    private let beforeCommit: (@Sendable (Database) throws -> Void)?

    /// Creates a writer over `pool`'s writer connection, running `beforeCommit` before each commit.
    init(
        pool: DatabasePool, capacity: Int = 4096, maximumBatch: Int = 256,
        beforeCommit: (@Sendable (Database) throws -> Void)? = nil
    ) {
        self.pool = pool
        self.capacity = capacity
        self.maximumBatch = maximumBatch
        self.beforeCommit = beforeCommit
    }

    /// Transactions committed and writes they carried, since start, and the writes waiting now.
    var statistics: (transactions: Int, writes: Int, waiting: Int) {
        state.withLock { ($0.transactions, $0.writes, $0.pending.count) }
    }

    /// Runs `body` in a savepoint of the next group transaction and returns its result once that
    /// transaction has committed.
    /// - Throws: what `body` throws, the commit's error, or ``RegistryError/Code/serviceUnavailable``
    ///   when the queue is full.
    func write<Result: Sendable>(_ body: @escaping @Sendable (Database) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let box = ResultBox<Result>()
            let job = Job(
                run: { db in box.value = try body(db) },
                finish: { error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else {
                        continuation.resume(returning: box.value!)
                    }
                })
            let (accepted, startDrain) = state.withLock { state -> (Bool, Bool) in
                guard state.pending.count < capacity else { return (false, false) }
                state.pending.append(job)
                defer { state.draining = true }
                return (true, !state.draining)
            }
            guard accepted else {
                continuation.resume(
                    throwing: RegistryError(
                        .serviceUnavailable, "Too many writes are waiting (\(capacity)); retry shortly."))
                return
            }
            if startDrain { queue.async { self.drain() } }
        }
    }

    private func drain() {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = Array(state.pending.prefix(maximumBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            var outcomes: [(any Error)?] = Array(repeating: nil, count: batch.count)
            let started = ContinuousClock.now
            do {
                try pool.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        // Savepoints through cached statements: GRDB's inSavepoint prepares its SQL
                        // anew each time, which the writer, the one serial part of every write, pays
                        // per write.
                        let savepoint = try db.cachedStatement(sql: "SAVEPOINT registry_write")
                        let release = try db.cachedStatement(sql: "RELEASE SAVEPOINT registry_write")
                        let rollback = try db.cachedStatement(sql: "ROLLBACK TRANSACTION TO SAVEPOINT registry_write")
                        for (index, job) in batch.enumerated() {
                            try savepoint.execute()
                            do {
                                try job.run(db)
                            } catch {
                                outcomes[index] = error
                                try rollback.execute()
                            }
                            try release.execute()
                        }
                        try beforeCommit?(db)
                        return .commit
                    }
                }
            } catch {
                for index in outcomes.indices where outcomes[index] == nil { outcomes[index] = error }
            }
            let elapsed = (ContinuousClock.now - started).components
            instruments.duration.recordNanoseconds(
                elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
            instruments.transactions.increment()
            instruments.writes.increment(by: batch.count)
            instruments.batch.record(batch.count)
            state.withLock { state in
                state.transactions += 1
                state.writes += batch.count
            }
            for (job, outcome) in zip(batch, outcomes) { job.finish(outcome) }
        }
    }
}
