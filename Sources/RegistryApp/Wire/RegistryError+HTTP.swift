import HTTPTypes
import Hummingbird
import RegistryDomain

/// The one place where the registry's error vocabulary becomes HTTP: status, `x-amzn-ErrorType`
/// and the `{"message"}` body AWS SDKs parse.
extension RegistryError {
    /// The HTTP status for this error.
    var httpStatus: HTTPResponse.Status {
        switch code {
        case .badRequest: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        case .payloadTooLarge: .contentTooLarge
        case .serviceUnavailable: .serviceUnavailable
        case .internalFailure: .internalServerError
        case .missingAuthenticationToken, .unrecognizedClient, .invalidSignature, .accessDenied: .forbidden
        }
    }

    /// The AWS error type, as sent in `x-amzn-ErrorType`.
    var awsErrorType: String {
        switch code {
        case .badRequest: "BadRequestException"
        case .notFound: "NotFoundException"
        case .conflict: "ConflictException"
        case .tooManyRequests: "TooManyRequestsException"
        case .payloadTooLarge: "PayloadTooLargeException"
        case .serviceUnavailable: "ServiceUnavailableException"
        case .internalFailure: "InternalServerException"
        case .missingAuthenticationToken: "MissingAuthenticationTokenException"
        case .unrecognizedClient: "UnrecognizedClientException"
        case .invalidSignature: "InvalidSignatureException"
        case .accessDenied: "AccessDeniedException"
        }
    }

    /// The error as an AWS-shaped response. Internal failures say only that something failed and
    /// which request it was; the details stay in the log.
    func response(requestID: String) -> Response {
        struct Body: Encodable {
            let message: String
            let limitType: String?
        }
        let message =
            code == .internalFailure
            ? "An internal error occurred (request \(requestID)); the details are in the service log."
            : self.message
        var response = WireJSON.response(Body(message: message, limitType: limitType), status: httpStatus)
        response.headers[.amznErrorType] = awsErrorType
        return response
    }

    /// Translates an error thrown anywhere below the handlers into the registry's vocabulary.
    static func from(_ error: any Error) -> RegistryError {
        switch error {
        case let error as RegistryError:
            return error
        case let error as HTTPError where error.status == .contentTooLarge:
            return RegistryError(.payloadTooLarge, "The request body is larger than the 1 MiB limit.")
        case let error as HTTPError where error.status == .notFound:
            return .notFound("No such resource or operation.")
        case let error as HTTPError where error.status == .methodNotAllowed:
            return .notFound("No such operation for this resource.")
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return .badRequest(error.body ?? "Malformed request.")
        case let error as DecodingError:
            return .badRequest(Self.describe(error))
        default:
            return RegistryError(.internalFailure, "Unexpected \(type(of: error)): \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the request body" : "member '\(names.joined(separator: "."))'"
        }
        switch error {
        case .typeMismatch(_, let context): return "Invalid request: \(path(context)) has the wrong type."
        case .valueNotFound(_, let context): return "Invalid request: \(path(context)) is null."
        case .keyNotFound(let key, _): return "Invalid request: member '\(key.stringValue)' is required."
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "Malformed JSON in the request body." : "Invalid request: \(path(context)) has an invalid value."
        @unknown default: return "Malformed request body."
        }
    }
}
