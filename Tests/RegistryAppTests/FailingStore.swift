import RegistryDomain
import ServiceLifecycle

/// A store whose every read, write and health check fails with one error: what an application
/// over a broken database sees. It runs in the service group like the real store.
struct FailingStore: RegistryStore, Service {
    /// The error every call throws.
    let failure: RegistryError

    func read<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result {
        throw failure
    }

    func read<Result: Sendable>(
        asOfChange sequence: Int64,
        _ body: @escaping @Sendable (any RegistryReadTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result {
        throw failure
    }

    func write<Result: Sendable>(
        _ body: @escaping @Sendable (any RegistryWriteTransaction) throws(RegistryError) -> Result
    ) async throws(RegistryError) -> Result {
        throw failure
    }

    func statistics() -> StoreStatistics { StoreStatistics(transactions: 0, writes: 0) }

    func backup(to path: String) async throws(RegistryError) -> BackupSummary { throw failure }

    func checkHealth() async throws(RegistryError) { throw failure }

    func run() async throws { try? await gracefulShutdown() }
}
