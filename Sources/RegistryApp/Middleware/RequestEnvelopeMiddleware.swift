import Foundation
import Hummingbird
import Logging
import RegistryAuth
import RegistryDomain

/// Wraps every request: assigns its id and region, refuses oversized bodies, authenticates the
/// caller (when the service has an auth file: a signature or bearer token, or for a page read a
/// sign-in session cookie; a browser without one is sent to the sign-in form), turns every error into AWS's error shape, stamps
/// `x-amzn-RequestId`, reports the time spent in `Server-Timing` (`total;dur=` milliseconds) and
/// writes one log line, which names the principal but never a credential.
struct RequestEnvelopeMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    /// The region used when the caller's credentials name none.
    let defaultRegion: String
    /// The largest request body accepted, in bytes.
    let maximumBodySize: Int
    /// Where the per-request lines go.
    let logger: Logger
    /// Checks credentials and roles; `nil` runs the service open.
    let authenticator: RequestAuthenticator?
    /// Limits each principal's request rate; `nil` for no limit.
    let rateLimiter: PrincipalRateLimiter?
    /// The web pages' sign-in sessions (with an auth file).
    let sessions: SessionCookies?
    /// The current time, for signature ages.
    let clock: @Sendable () -> Timestamp
    /// Where request ids come from.
    let requestIDs = RequestIDGenerator()

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestID = requestIDs.next()
        context.region = Self.region(fromAuthorization: request.headers[.authorization]) ?? defaultRegion
        let started = ContinuousClock.now
        var response: Response
        var failure: RegistryError?
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maximumBodySize {
            failure = RegistryError(.payloadTooLarge, "The request body is larger than the 1 MiB limit.")
            response = failure!.response(requestID: context.requestID)
        } else {
            do {
                var request = request
                let path = request.uri.path
                if let authenticator, path != "/healthz", !PagePaths.isPublic(path) {
                    let principal: Principal
                    if let signedIn = sessionPrincipal(request, authenticator) {
                        guard signedIn.role.permits(method: request.method.rawValue, path: path) else {
                            throw RegistryError(
                                .accessDenied,
                                "User \(signedIn.name) (role \(signedIn.role.rawValue)) is not authorized to perform "
                                    + "\(request.method.rawValue) on this resource.")
                        }
                        principal = signedIn
                    } else if request.headers[.authorization] == nil, request.method == .get, PagePaths.isPage(path) {
                        // A person without a session: the sign-in form, then back here.
                        let back = path + (request.uri.query.map { "?" + $0 } ?? "")
                        throw PageRedirect(location: HTMLText.link("/signin", [("next", back)]))
                    } else {
                        principal = try await authenticate(&request, with: authenticator)
                    }
                    context.principal = principal
                    if let rateLimiter, !rateLimiter.allow(principal.name) {
                        throw RegistryError.quotaExceeded(
                            "Rate exceeded: principal \(principal.name) sent more requests per second than allowed.",
                            limitType: "RequestsPerSecond")
                    }
                }
                if request.method == .get || request.method == .head {
                    response = try await next(request, context)
                } else {
                    // Writes name their principal and request in their change record.
                    let origin = ChangeOrigin(
                        principal: context.principal?.name ?? ChangeOrigin.anonymous.principal,
                        requestID: context.requestID)
                    response = try await ChangeOrigin.$current.withValue(origin) {
                        try await next(request, context)
                    }
                }
            } catch let redirect as PageRedirect {
                response = redirect.response
            } catch {
                let registryError = RegistryError.from(error)
                failure = registryError
                response = registryError.response(requestID: context.requestID)
            }
        }
        response.headers[.amznRequestID] = context.requestID
        let elapsed = ContinuousClock.now - started
        let total = "total;dur=" + elapsed.serverTimingMilliseconds
        response.headers[.serverTiming] = response.headers[.serverTiming].map { $0 + ", " + total } ?? total
        var metadata: Logger.Metadata = [
            "requestId": .string(context.requestID),
            "method": .string(request.method.rawValue),
            "path": .string(String(request.uri.path.prefix(512))),
            "status": .stringConvertible(response.status.code),
            "ms": .stringConvertible((elapsed.inMilliseconds * 1000).rounded() / 1000),
        ]
        if let principal = context.principal { metadata["principal"] = .string(principal.name) }
        if let failure {
            metadata["errorType"] = .string(failure.awsErrorType)
            if failure.code == .internalFailure { metadata["detail"] = .string(failure.message) }
        }
        logger.info("request", metadata: metadata)
        return response
    }

    /// The principal of a page session cookie, for a read without an `Authorization` header (a
    /// browser): sessions never write, whatever the role.
    private func sessionPrincipal(_ request: Request, _ authenticator: RequestAuthenticator) -> Principal? {
        guard let sessions, request.headers[.authorization] == nil,
            request.method == .get || request.method == .head,
            let value = request.headers[.cookie].flatMap(SessionCookies.value(inCookieHeader:))
        else { return nil }
        return authenticator.principal(sessionCookie: value, sessions: sessions, now: clock())
    }

    /// Collects the body (it is part of a SigV4 signature) and asks `authenticator` who sent it.
    private func authenticate(
        _ request: inout Request, with authenticator: RequestAuthenticator
    ) async throws
        -> Principal
    {
        let body = try await WireJSON.collectBody(of: &request, limit: maximumBodySize)
        let signed = SignedRequest(
            method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query ?? "",
            host: request.head.authority ?? "",
            headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            bodySHA256: RequestAuthenticator.sha256Hex(body.readableBytesView))
        return try authenticator.authenticate(signed, now: clock())
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
