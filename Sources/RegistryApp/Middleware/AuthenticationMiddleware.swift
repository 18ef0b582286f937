import Hummingbird
import RegistryAuth
import RegistryDomain

/// With an auth file, finds who sent each request (a SigV4 signature or a bearer token, or for a
/// read without `Authorization` a page's sign-in session) and checks that the principal's role
/// permits it; a browser asking for a page without a session is sent to the sign-in form. `/healthz`
/// and the public page paths (sign-in, stylesheet, icon) need no principal.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// Checks credentials and roles.
    let authenticator: RequestAuthenticator
    /// The web pages' sign-in sessions.
    let sessions: SessionCookies
    /// The largest request body accepted, in bytes (the body is part of a signature).
    let maximumBodySize: Int
    /// The current time, for signature ages.
    let clock: @Sendable () -> Timestamp

    /// - Throws: ``PageRedirect`` to the sign-in form; ``RegistryError`` with
    ///   ``RegistryError/Code/missingAuthenticationToken``, ``RegistryError/Code/unrecognizedClient``,
    ///   ``RegistryError/Code/invalidSignature`` or ``RegistryError/Code/accessDenied``.
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path != "/healthz", !PagePaths.isPublic(path) else { return try await next(request, context) }
        var request = request
        var context = context
        let principal: Principal
        if let signedIn = sessionPrincipal(request) {
            try authenticator.authorize(signedIn, method: request.method.rawValue, path: path)
            principal = signedIn
        } else if request.headers[.authorization] == nil, request.method == .get, PagePaths.isPage(path) {
            // A person without a session: the sign-in form, then back here.
            let back = path + (request.uri.query.map { "?" + $0 } ?? "")
            throw PageRedirect(location: HTMLText.link("/signin", [("next", back)]))
        } else {
            principal = try await authenticate(&request)
        }
        context.principal = principal
        context.outcome.principal = principal.name
        return try await next(request, context)
    }

    /// The principal of a page session cookie, for a read without an `Authorization` header (a
    /// browser): sessions never write, whatever the role.
    private func sessionPrincipal(_ request: Request) -> Principal? {
        guard request.headers[.authorization] == nil, request.method == .get || request.method == .head,
            let value = request.headers[.cookie].flatMap(SessionCookies.value(inCookieHeader:))
        else { return nil }
        return authenticator.principal(sessionCookie: value, sessions: sessions, now: clock())
    }

    /// Collects the body (it is part of a SigV4 signature) and asks the authenticator who sent it.
    private func authenticate(_ request: inout Request) async throws -> Principal {
        let body = try await WireJSON.collectBody(of: &request, limit: maximumBodySize)
        let signed = SignedRequest(
            method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "",
            host: request.head.authority ?? "",
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            bodySHA256: RequestAuthenticator.sha256Hex(body.readableBytesView))
        return try authenticator.authenticate(signed, now: clock())
    }
}
