import Dispatch
import HTTPTypes
import Hummingbird
import Metrics
import Synchronization

/// Counts every request by AWS operation (``OperationNames``: `GetApi`, never a raw path), method and
/// status (`registry_http_requests_total`) and times it (`registry_http_request_duration_seconds`,
/// by operation and method).
///
/// Hummingbird's `MetricsMiddleware` labels by route pattern and records once the body is written,
/// by wrapping the body in a closure; that turns every buffered response into a streamed one, which
/// the server writes in more steps: it cost 20% of `GET /v2/apis/{id}`'s throughput (BENCHMARKS.md).
/// This records when the response is handed back, which for the registry's buffered bodies is when
/// it is complete (a backup's download is timed until its snapshot is ready, not until it is sent).
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// The instruments of each route, method and status seen, made once.
    private let instruments = RequestInstruments()

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            instruments.record(context.endpointPath, request.method, status: 500, since: started)
            throw error
        }
        instruments.record(context.endpointPath, request.method, status: response.status.code, since: started)
        return response
    }
}

/// The request counters and timers, one per route, method and status seen.
final class RequestInstruments: Sendable {
    private struct Key: Hashable {
        let route: String?
        let method: HTTPRequest.Method
        let status: Int
    }

    private struct Instruments: Sendable {
        let count: Counter
        let duration: Timer
    }

    private let made = Mutex<[Key: Instruments]>([:])

    /// Counts and times one request of `route` (its pattern, `nil` when none matched).
    func record(_ route: String?, _ method: HTTPRequest.Method, status: Int, since started: UInt64) {
        let key = Key(route: route, method: method, status: status)
        let instruments = made.withLock { made in
            if let existing = made[key] { return existing }
            let labels = Self.labels(route: route, method: method.rawValue)
            let new = Instruments(
                count: Counter(
                    label: "registry_http_requests_total", dimensions: labels + [("status", String(status))]),
                duration: Timer(label: "registry_http_request_duration_seconds", dimensions: labels))
            made[key] = new
            return new
        }
        instruments.count.increment()
        instruments.duration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
    }

    /// The operation and method labels of a route and method: a method HTTP does not define is
    /// `OTHER`, so that no client can mint label values.
    static func labels(route: String?, method: String) -> [(String, String)] {
        let known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].contains(method)
        let operation = route.map { OperationNames.contract.name(method: method, path: $0) } ?? OperationNames.unmatched
        return [("operation", operation), ("method", known ? method : "OTHER")]
    }
}
