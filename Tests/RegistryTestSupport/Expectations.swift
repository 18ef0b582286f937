public import RegistryDomain
public import Testing

/// Runs `body`, which must refuse with a ``RegistryError`` of `code`, and returns that error so that
/// the caller can look at its message.
///
/// Records an issue (at the caller's location) if `body` succeeds or refuses with another code.
@discardableResult
public func expectRegistryError<Value>(
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

/// The asynchronous form of ``expectRegistryError(_:sourceLocation:_:)-(_,_,()throws(RegistryError)->Value)``:
/// `body` must refuse with a ``RegistryError`` of `code`; an error of another type is an issue too.
@discardableResult
public func expectRegistryError<Value>(
    _ code: RegistryError.Code, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Value
) async -> RegistryError? {
    do {
        let value = try await body()
        Issue.record("Expected a \(code) refusal, got \(value).", sourceLocation: sourceLocation)
        return nil
    } catch let error as RegistryError {
        #expect(error.code == code, "Refused with \(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("Expected a RegistryError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Runs `body`, which must succeed; a ``RegistryError`` becomes an issue naming it.
@discardableResult
public func expectAccepted<Value>(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(RegistryError) -> Value
) -> Value? {
    do {
        return try body()
    } catch {
        Issue.record("Expected success, refused with \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Checks that `body` refuses with `expected`, or passes when `expected` is `nil`.
public func expectOutcome(
    _ expected: RegistryError.Code?, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(RegistryError) -> Void
) {
    if let expected {
        expectRegistryError(expected, sourceLocation: sourceLocation, body)
    } else {
        expectAccepted(sourceLocation: sourceLocation, body)
    }
}

/// The asynchronous form of ``expectOutcome(_:sourceLocation:_:)``: `body` must refuse with
/// `expected`, or succeed when `expected` is `nil`.
public func expectOutcome<Value>(
    _ expected: RegistryError.Code?, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Value
) async {
    if let expected {
        await expectRegistryError(expected, sourceLocation: sourceLocation, body)
    } else {
        do { _ = try await body() } catch {
            Issue.record("Expected success, refused with \(error)", sourceLocation: sourceLocation)
        }
    }
}
