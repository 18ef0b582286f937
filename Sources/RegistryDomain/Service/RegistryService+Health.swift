extension RegistryService {
    /// Checks that the store answers.
    /// - Throws: the store's failure (``RegistryError/Code/serviceUnavailable``) when it does not.
    public func checkHealth() async throws(RegistryError) {
        try await store.checkHealth()
    }
}
