import Foundation
import Hummingbird
import Logging
import RegistryDomain

/// Wraps every request: assigns its id and region, refuses oversized bodies, turns every error
/// into AWS's error shape, stamps `x-amzn-RequestId` and writes one log line.
struct RequestEnvelopeMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// The region used when the caller's credentials name none.
    let defaultRegion: String
    /// The largest request body accepted, in bytes.
    let maximumBodySize: Int
    /// Where the per-request lines go.
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestID = UUID().uuidString.lowercased()
        context.region = Self.region(fromAuthorization: request.headers[.authorization]) ?? defaultRegion
        let started = ContinuousClock.now
        var response: Response
        var failure: RegistryError?
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodySize {
            failure = RegistryError(.payloadTooLarge, "The request body is larger than the 1 MiB limit.")
            response = failure!.response(requestID: context.requestID)
        } else {
            do {
                response = try await next(request, context)
            } catch {
                let registryError = RegistryError.from(error)
                failure = registryError
                response = registryError.response(requestID: context.requestID)
            }
        }
        response.headers[.amznRequestID] = context.requestID
        let elapsed = ContinuousClock.now - started
        var metadata: Logger.Metadata = [
            "requestId": .string(context.requestID),
            "method": .string(request.method.rawValue),
            "path": .string(String(request.uri.path.prefix(512))),
            "status": .stringConvertible(response.status.code),
            "ms": .stringConvertible(Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1000),
        ]
        if let failure {
            metadata["errorType"] = .string(failure.awsErrorType)
            if failure.code == .internalFailure { metadata["detail"] = .string(failure.message) }
        }
        logger.info("request", metadata: metadata)
        return response
    }

    /// The region of a SigV4 `Authorization` header's credential scope
    /// (`Credential=AKID/20260101/eu-west-1/apigateway/aws4_request`), if it names a plausible one.
    static func region(fromAuthorization header: String?) -> String? {
        guard let header, let range = header.range(of: "Credential=") else { return nil }
        let scope = header[range.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = scope.split(separator: "/")
        guard parts.count == 5, !parts[2].isEmpty, parts[2].count <= 32,
            parts[2].allSatisfy({ $0 == "-" || $0.isLetter || $0.isNumber })
        else { return nil }
        return String(parts[2]).lowercased()
    }
}
