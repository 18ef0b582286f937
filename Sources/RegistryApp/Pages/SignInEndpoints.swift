import Foundation
import HTTPTypes
import Hummingbird
import RegistryAuth
import RegistryDomain

/// The pages' sign-in: `GET /signin` (the form), `POST /signin` (a bearer token from the auth file
/// in exchange for a session cookie) and `POST /signout`.
///
/// The cookie is HttpOnly and SameSite=Strict, Secure when the page came over TLS (directly or
/// through a proxy saying `X-Forwarded-Proto: https`), and expires with the session. A session
/// only reads (the envelope accepts it for GET and HEAD), so the browser can never write. A form
/// posted from another site is refused. Without an auth file the catalog is open and the form
/// says so.
struct SignInEndpoints {
    let renderer: PageRenderer
    let authenticator: RequestAuthenticator?
    let sessions: SessionCookies?
    let clock: @Sendable () -> Timestamp

    /// The largest sign-in form accepted, in bytes.
    static let formLimit = 8 * 1024

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/signin") { request, _ in
            let next = Self.safeNext(request.formQuery("next"))
            return renderer.render("signin", SignInPageView(next: next, open: authenticator == nil, error: nil))
        }
        router.post("/signin") { request, _ in
            var request = request
            let form = try await Self.form(&request)
            let next = Self.safeNext(form["next"])
            guard let authenticator, let sessions else { return PageRedirect(location: next).response }
            guard !Self.isCrossSite(request) else {
                return renderer.render(
                    "signin",
                    SignInPageView(next: next, open: false, error: "Sign in from this site's own form."),
                    status: .forbidden)
            }
            guard let token = form["token"]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty,
                let principal = authenticator.principal(bearerToken: token)
            else {
                return renderer.render(
                    "signin", SignInPageView(next: next, open: false, error: "That token is not valid here."),
                    status: .unauthorized)
            }
            let value = sessions.value(for: principal, now: clock())
            return PageRedirect(location: next, setCookie: sessions.setCookie(value, secure: Self.isSecure(request)))
                .response
        }
        router.post("/signout") { request, _ in
            PageRedirect(location: "/signin", setCookie: SessionCookies.clearCookie(secure: Self.isSecure(request)))
                .response
        }
    }

    /// Where to go after signing in: a path on this server, else the catalog (never another site).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), next.count <= 2048,
            !next.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/" }
        return next
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    /// - Throws: ``RegistryError/Code/payloadTooLarge`` over 8 KiB, ``RegistryError/Code/badRequest``
    ///   for a body that is not UTF-8.
    static func form(_ request: inout Request) async throws -> [String: String] {
        let body = try await WireJSON.collectBody(of: &request, limit: formLimit)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw RegistryError.badRequest("The sign-in form must be UTF-8.")
        }
        // The first occurrence of a name wins, as in a query.
        return Dictionary(
            Request.formFields(Substring(text)).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the form came from another site (`Sec-Fetch-Site`, else an `Origin` naming another host).
    static func isCrossSite(_ request: Request) -> Bool {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            return site != "same-origin" && site != "none"
        }
        guard let origin = request.headers[HTTPField.Name("Origin")!], origin != "null" else { return false }
        let host = request.head.authority ?? ""
        return origin != "http://\(host)" && origin != "https://\(host)"
    }

    /// Whether the page came over TLS.
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.head.scheme == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"
    }
}
