import Hummingbird
import RegistryAuth
import RegistryDomain

/// Limits each authenticated principal's request rate (a token bucket per principal); requests
/// without a principal (`/healthz`, the sign-in form) are not counted.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// The principals' buckets.
    let limiter: PrincipalRateLimiter

    /// - Throws: ``RegistryError/Code/quotaExceeded`` (429, `limitType` `RequestsPerSecond`) past the rate.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let principal = context.principal, !limiter.allow(principal.name) {
            throw RegistryError.quotaExceeded(
                "Rate exceeded: principal \(principal.name) sent more requests per second than allowed.",
                limitType: "RequestsPerSecond")
        }
        return try await next(request, context)
    }
}
