import Hummingbird
import RegistryDomain

/// Refuses a request whose declared body is larger than the limit before anything reads it (a body
/// without `Content-Length` is bounded where it is collected, by the same limit).
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// The largest request body accepted, in bytes.
    let maximumBodySize: Int

    /// - Throws: ``RegistryError/Code/payloadTooLarge`` for a larger declared body.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodySize {
            throw RegistryError(.payloadTooLarge, "The request body is larger than the 1 MiB limit.")
        }
        return try await next(request, context)
    }
}
