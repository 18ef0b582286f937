import Hummingbird
import Logging
import RegistryDomain

/// Times every request, reports the time in `Server-Timing` (`total;dur=` milliseconds) and writes
/// one access log line (at `info`) naming the request id, its `traceparent` (the caller's, or the one
/// that started its trace), the method, the path, the status, the principal and the error type, but
/// never a credential.
///
/// Hummingbird's `LogRequestsMiddleware` logs a request as it arrives, before its status or its
/// principal are known; an access log needs both, so this middleware takes its place.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// Where the lines go.
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let total = "total;dur=" + elapsed.serverTimingMilliseconds
        response.headers[.serverTiming] = response.headers[.serverTiming].map { $0 + ", " + total } ?? total
        guard logger.logLevel <= .info else { return response }
        var metadata: Logger.Metadata = [
            "requestId": .string(context.requestID),
            "method": .string(request.method.rawValue),
            "path": .string(String(request.uri.path.prefix(512))),
            "status": .stringConvertible(response.status.code),
            "ms": .stringConvertible((elapsed.inMilliseconds * 1000).rounded() / 1000),
        ]
        // One member: the trace id and the caller's span are in it, and each member costs the line.
        if let trace = context.trace { metadata["traceparent"] = .string(trace.incomingOrStarted) }
        let outcome = context.outcome
        if let principal = outcome.principal { metadata["principal"] = .string(principal) }
        if let failure = outcome.failure {
            metadata["errorType"] = .string(failure.awsErrorType)
            if failure.code == .internalFailure { metadata["detail"] = .string(failure.message) }
        }
        logger.info("request", metadata: metadata)
        return response
    }
}
