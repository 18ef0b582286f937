extension RegistryService {
    /// Writes a consistent copy of the whole catalog to a new file at `path` (see
    /// ``RegistryStore/backup(to:)``) and says what it holds.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when the copy cannot be written or fails
    ///   its checks.
    public func backup(to path: String) async throws(RegistryError) -> BackupSummary {
        try await store.backup(to: path)
    }
}
