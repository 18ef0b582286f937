import Foundation
import HTTPTypes
import Hummingbird

/// The outermost middleware: gives each request its id, its place in a trace and its region, and
/// stamps `x-amzn-RequestId` on every response.
///
/// A request with a valid W3C `traceparent` continues the caller's trace; one without starts a trace
/// whose id is the request id's 128 bits. When spans are exported, that new `traceparent` is set on
/// the request, so the tracer further in (Hummingbird's `TracingMiddleware`) continues it and the
/// access log and the exported spans name the same trace.
struct RequestIdentityMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// The region used when the caller's credentials name none.
    let defaultRegion: String
    /// Whether a trace started here is handed to the tracer through the request's headers.
    let propagatesStartedTraces: Bool
    /// Where request ids come from.
    let identities = RequestIDGenerator()

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let identity = identities.nextIdentity()
        context.requestID = identity.requestID
        let trace = TraceContext(
            header: request.headers[.traceparent], spanID: identity.spanID, newTraceID: identity.bits)
        context.trace = trace
        var request = request
        if propagatesStartedTraces, !trace.continued {
            var head = request.head
            head.headerFields[.traceparent] = trace.incomingOrStarted
            request = Request(head: head, body: request.body)
        }
        context.region = Self.region(fromAuthorization: request.headers[.authorization]) ?? defaultRegion
        var response = try await next(request, context)
        response.headers[.amznRequestID] = context.requestID
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
