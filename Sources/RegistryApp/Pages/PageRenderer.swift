import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// Renders the pages' Mustache templates (`pages/`, compiled in) into HTML responses carrying the
/// pages' security headers.
///
/// Templates escape every `{{value}}` (`&`, `<`, `>`, `"`, `'`); the only unescaped insertion is the
/// server-made diagram (``RouteDiagram``), which escapes its own text. The policy allows the
/// stylesheet from this origin and nothing else: no script runs, whatever a name holds.
struct PageRenderer: Sendable {
    /// The Content-Security-Policy of every page.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    private let library: MustacheLibrary

    /// The renderer of the compiled-in templates, parsed once.
    static let shared = PageRenderer()

    /// Parses the templates. They are compiled in and every page is rendered by the tests, so a
    /// template that does not parse is a build mistake, stopped here at start-up.
    private init() {
        // Every template names this content type in its first line: the library's own HTML escaping
        // looks each character up in a dictionary, which was a fifth of a 300-route API's page.
        MustacheContentTypes.register(PageHTMLContentType(), named: "PAGE_HTML")
        var library = MustacheLibrary()
        for (name, text) in PageResources.files.sorted(by: { $0.key < $1.key }) where name.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                preconditionFailure("pages/\(name) does not parse: \(error)")
            }
        }
        self.library = library
    }

    /// The page `template` renders for `view`, with `status`.
    func render(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: template) ?? ""
        var headers = Self.securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The stylesheet, `/static/site.css`.
    func stylesheet() -> Response { asset("site.css", contentType: "text/css; charset=utf-8") }

    /// The pages' icon, `/static/favicon.svg`.
    func icon() -> Response { asset("favicon.svg", contentType: "image/svg+xml") }

    /// A file of `pages/` as it is, cacheable for five minutes.
    private func asset(_ name: String, contentType: String) -> Response {
        var headers = Self.securityHeaders
        headers[.contentType] = contentType
        headers[.cacheControl] = "public, max-age=300"
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PageResources.files[name] ?? "")))
    }

    /// The headers every page and its stylesheet carry.
    static let securityHeaders: HTTPFields = [
        HTTPField.Name("Content-Security-Policy")!: contentSecurityPolicy,
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        .cacheControl: "no-store",
    ]
}
