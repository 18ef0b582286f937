/// The registry's storage (the store port): consistent reads and atomic, durable writes.
public protocol RegistryStore: Sendable {
    /// Runs `body` against one consistent snapshot.
    /// - Throws: whatever `body` throws, or ``RegistryError`` when storage fails.
    func read<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws -> Result
    )
        async throws -> Result

    /// Runs `body` in one write transaction; commits if it returns, rolls back if it throws.
    /// When this returns, the transaction is durable.
    /// - Throws: whatever `body` throws, or ``RegistryError`` when storage fails.
    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryWriteTransaction) throws -> Result
    )
        async throws -> Result

    /// Write counters since the store was opened.
    func statistics() -> StoreStatistics

    /// Checks that the database answers a trivial query.
    /// - Throws: ``RegistryError`` when it does not.
    func checkHealth() async throws
}
