import Hummingbird
import RegistryAuth
import RegistryDomain

/// Names a write's principal and request id (``ChangeOrigin``) for the change record it leaves.
struct ChangeOriginMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let origin = ChangeOrigin(
            principal: context.principal?.name ?? ChangeOrigin.anonymous.principal, requestID: context.requestID)
        return try await ChangeOrigin.$current.withValue(origin) { try await next(request, context) }
    }
}
