import RegistryDomain
import Testing

/// Runs `body`, which must refuse with a ``RegistryError`` of `code`, and returns that error so that
/// the caller can look at its message.
///
/// Records an issue (at the caller's location) if `body` succeeds or refuses with another code.
@discardableResult
func expectRegistryError<Value>(
    _ code: RegistryError.Code, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(RegistryError) -> Value
) -> RegistryError? {
    do {
        let value = try body()
        Issue.record("Expected a \(code) refusal, got \(value).", sourceLocation: sourceLocation)
        return nil
    } catch {
        #expect(error.code == code, "Refused with \(error)", sourceLocation: sourceLocation)
        return error
    }
}

/// Runs `body`, which must succeed; a ``RegistryError`` becomes an issue naming it.
@discardableResult
func expectAccepted<Value>(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(RegistryError) -> Value
) -> Value? {
    do {
        return try body()
    } catch {
        Issue.record("Expected success, refused with \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
