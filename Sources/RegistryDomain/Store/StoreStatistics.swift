/// Counters a store keeps about its writes.
public struct StoreStatistics: Hashable, Sendable {
    /// Write transactions committed (each one fsync with `synchronous=FULL`).
    public var transactions: Int
    /// Writes those transactions carried; `writes / transactions` is writes per fsync.
    public var writes: Int

    /// Creates statistics.
    public init(transactions: Int, writes: Int) {
        self.transactions = transactions
        self.writes = writes
    }
}
