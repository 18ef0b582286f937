/// The registry's storage (the store port): consistent reads and atomic, durable writes.
///
/// Every member throws only ``RegistryError``: a store translates its own failures into the
/// registry's vocabulary (``RegistryError/Code/serviceUnavailable`` when the database cannot be
/// used right now, ``RegistryError/Code/internalFailure`` for anything unexpected, whose message
/// goes to the log and never to the caller).
public protocol RegistryStore: Sendable {
    /// Runs `body` against one consistent snapshot.
    /// - Throws: what `body` throws, or the store's failure.
    func read<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result

    /// Runs `body` against the catalog as it stood right after the change with this sequence number
    /// (rebuilt from the rows' versions: every read answers as it would have then; the change log
    /// itself reads as it is now).
    /// - Throws: what `body` throws, or the store's failure.
    func read<Result: Sendable>(
        asOfChange sequence: Int64,
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result

    /// Runs `body` in one write transaction; commits if it returns, rolls back if it throws.
    /// When this returns, the transaction is durable.
    /// - Throws: what `body` throws, or the store's failure (the transaction is then rolled back).
    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryWriteTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result

    /// Write counters since the store was opened.
    func statistics() -> StoreStatistics

    /// Writes a consistent copy of the whole store, as it stood at one moment (writes go on
    /// meanwhile), to a new file at `path`, checks the copy and says what it holds. Nothing is
    /// left at `path` when it fails.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when the copy cannot be written or fails
    ///   its checks.
    func backup(to path: String) async throws(RegistryError) -> BackupSummary

    /// Checks that the database answers a trivial query.
    /// - Throws: the store's failure when it does not.
    func checkHealth() async throws(RegistryError)
}
