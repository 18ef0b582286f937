/// Counters and sizes a store reports about itself.
public struct StoreStatistics: Hashable, Sendable {
    /// Write transactions committed (each one fsync with `synchronous=FULL`).
    public var transactions: Int
    /// Writes those transactions carried; `writes / transactions` is writes per fsync.
    public var writes: Int
    /// Writes waiting for the writer right now (the group commit's queue).
    public var waitingWrites: Int
    /// The size of each of the store's files, by role (`main`, `wal`), in bytes.
    public var fileBytes: [String: Int64]

    /// Creates statistics.
    public init(transactions: Int, writes: Int, waitingWrites: Int = 0, fileBytes: [String: Int64] = [:]) {
        self.transactions = transactions
        self.writes = writes
        self.waitingWrites = waitingWrites
        self.fileBytes = fileBytes
    }
}
