/// The one error vocabulary of the registry: every refusal any layer produces.
///
/// Each error carries a ``Code`` that the HTTP layer maps to a status and an AWS error type,
/// and a human-readable message that names the offending value. Messages never contain secrets.
public struct RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of refusal this is; decides the HTTP status and `x-amzn-ErrorType`.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        /// The request is malformed or breaks a rule (400 `BadRequestException`).
        case badRequest
        /// A named resource does not exist (404 `NotFoundException`).
        case notFound
        /// The request conflicts with the current state (409 `ConflictException`).
        case conflict
        /// A quota would be exceeded (429 `TooManyRequestsException`, with `limitType`).
        case tooManyRequests
        /// The request body is larger than the service accepts (413).
        case payloadTooLarge
        /// The store cannot accept writes right now (503 `ServiceUnavailableException`).
        case serviceUnavailable
        /// An unexpected failure; details go to the log only (500 `InternalServerException`).
        case internalFailure
        /// The request carries no credentials (403 `MissingAuthenticationTokenException`).
        case missingAuthenticationToken
        /// The credentials name no known principal (403 `UnrecognizedClientException`).
        case unrecognizedClient
        /// The SigV4 signature is wrong, malformed or expired (403 `InvalidSignatureException`).
        case invalidSignature
        /// The principal's role does not allow the request (403 `AccessDeniedException`).
        case accessDenied
    }

    /// The kind of refusal.
    public let code: Code
    /// A message for the caller, naming the offending value.
    public let message: String
    /// For ``Code/tooManyRequests``: which quota was hit, as AWS's `limitType`.
    public let limitType: String?

    /// Creates an error of the given kind.
    public init(_ code: Code, _ message: String, limitType: String? = nil) {
        self.code = code
        self.message = message
        self.limitType = limitType
    }

    /// A ``Code/badRequest`` error.
    public static func badRequest(_ message: String) -> RegistryError { RegistryError(.badRequest, message) }
    /// A ``Code/notFound`` error.
    public static func notFound(_ message: String) -> RegistryError { RegistryError(.notFound, message) }
    /// A ``Code/conflict`` error.
    public static func conflict(_ message: String) -> RegistryError { RegistryError(.conflict, message) }
    /// A ``Code/tooManyRequests`` error for the quota named by `limitType`.
    public static func quotaExceeded(_ message: String, limitType: String) -> RegistryError {
        RegistryError(.tooManyRequests, message, limitType: limitType)
    }

    /// The code and message, for logs.
    public var description: String { "\(code.rawValue): \(message)" }
}
