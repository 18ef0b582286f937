extension RegistryService {
    /// Checks that the store answers.
    /// - Throws: ``RegistryError/Code/serviceUnavailable`` when it does not.
    public func checkHealth() async throws(RegistryError) {
        do { try await store.checkHealth() } catch let error as RegistryError { throw error } catch {
            throw RegistryError(.serviceUnavailable, "The registry database does not answer.")
        }
    }
}
