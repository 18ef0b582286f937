import HTTPTypes
import Hummingbird
import Instrumentation
import Tracing

/// A server span around each request, continuing the caller's W3C `traceparent` (through the
/// process's instrument), named by the route once it is known, with the method, path, route and
/// status as attributes and an error status for a 5xx. Added only when spans are exported.
///
/// Hummingbird's `TracingMiddleware` ends the span once the body is written by wrapping the body in
/// a closure, which turns every buffered response into a streamed one (see
/// ``RequestMetricsMiddleware``); this ends it when the response is handed back.
struct RequestTracingMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var parent = ServiceContext.current ?? .topLevel
        InstrumentationSystem.instrument.extract(request.headers, into: &parent, using: HTTPFieldsExtractor())
        let span = startSpan("HTTP \(request.method.rawValue)", context: parent, ofKind: .server)
        defer { span.end() }
        span.attributes["http.request.method"] = request.method.rawValue
        span.attributes["url.path"] = request.uri.path
        span.attributes["registry.request_id"] = context.requestID
        do {
            let response = try await ServiceContext.$current.withValue(span.context) {
                try await next(request, context)
            }
            if let route = context.endpointPath {
                span.operationName = route
                span.attributes["http.route"] = route
            }
            span.attributes["http.response.status_code"] = Int(response.status.code)
            if response.status.code >= 500 { span.setStatus(SpanStatus(code: .error)) }
            return response
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }
}

/// Reads W3C Trace Context's headers from a request's fields for the process's instrument.
struct HTTPFieldsExtractor: Extractor {
    func extract(key: String, from carrier: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { carrier[$0] }
    }
}
