/// Runs store work inside a typed-throws rule: ``RegistryError``s pass through unchanged, anything
/// else (which a conforming store never throws) becomes ``RegistryError/Code/internalFailure``.
func checked<Value>(_ body: () throws -> Value) throws(RegistryError) -> Value {
    do { return try body() } catch let error as RegistryError { throw error } catch {
        throw RegistryError(.internalFailure, "Unexpected store failure: \(type(of: error)).")
    }
}
