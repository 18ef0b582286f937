import Hummingbird

/// Sends a browser elsewhere with `303 See Other` (thrown by the envelope for a page read without
/// a session, returned by the sign-in form).
struct PageRedirect: Error {
    /// Where to (a path on this server).
    let location: String
    /// Cookies to set on the way.
    var setCookie: String?

    /// The redirect response, with the pages' security headers.
    var response: Response {
        var headers = PageRenderer.securityHeaders
        headers[.location] = location
        if let setCookie { headers[.setCookie] = setCookie }
        return Response(status: .seeOther, headers: headers)
    }
}
