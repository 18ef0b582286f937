import Hummingbird
import RegistryDomain

/// Turns every error thrown further in into AWS's error shape (`x-amzn-ErrorType` and
/// `{"message"}`; an internal failure's detail goes to the log, never to the caller) and a page
/// redirect into its 303, so the middlewares outside it (log, metrics, tracing) see every request
/// as a response with its final status.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let redirect as PageRedirect {
            return redirect.response
        } catch {
            let failure = RegistryError.from(error)
            context.outcome.failure = failure
            return failure.response(requestID: context.requestID)
        }
    }
}
