import RegistryDomain

/// What the inner middlewares learn about a request that the outer ones report (the access log):
/// who sent it and why it failed. One per request, shared by reference because a request context
/// travels inward only.
final class RequestOutcome: @unchecked Sendable {
    // Unchecked: one request's middlewares run one after another in the request's task, so these
    // are never touched at the same time; a lock per request would cost every request for nothing.

    /// The authenticated principal's name, once known.
    var principal: String?

    /// The error the request was answered with, if any.
    var failure: RegistryError?
}
