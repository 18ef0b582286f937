import Foundation
import HTTPTypes
import RegistryAuth
import RegistryDomain
import Testing

@testable import RegistryApp

/// The pages behind an auth file: a browser without a session is sent to the sign-in form, a valid
/// token buys an HttpOnly, SameSite=Strict cookie that reads (and only reads), and it expires.
@Suite struct SignInTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs in with `token`; the reply and the cookie pair (`name=value`) it set, if any.
    static func signIn(
        _ registry: TestRegistry, token: String, next: String = "/", headers: HTTPFields = form
    ) async throws -> (reply: TestRegistry.Reply, cookie: String?) {
        let body = "token=" + HTMLText.percentEncoded(token) + "&next=" + HTMLText.percentEncoded(next)
        let reply = try await registry.call(.post, "/signin", body, headers: headers)
        let cookie = reply.headers[.setCookie].map { String($0.prefix { $0 != ";" }) }
        return (reply, cookie)
    }

    @Test func aProtectedCatalogShowsOnlyTheSignInForm() async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            for path in ["/", "/apis/abcdefghij", "/backends?target=x", "/?q=a+b"] {
                let reply = try await registry.call(.get, path)
                #expect(reply.status == .seeOther, "\(path)")
                #expect(reply.headers[.location] == "/signin?next=" + HTMLText.percentEncoded(path), "\(path)")
                #expect(!reply.body.contains("<table"))
            }
            let form = try await registry.call(.get, "/signin?next=%2Fapis%2Fabcdefghij")
            #expect(form.status == .ok && form.body.contains("name=\"next\" value=\"/apis/abcdefghij\""))
            #expect(form.body.contains("type=\"password\""))
            #expect(try await registry.call(.get, "/static/site.css").status == .ok)
            // The wire API still answers AWS-style.
            #expect(try await registry.call(.get, "/v2/apis").errorType == "MissingAuthenticationTokenException")
        }
    }

    @Test func aTokenBuysASessionThatReadsAndNeverWrites() async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            let editor = AuthenticationEndpointTests.bearer(AuthenticationEndpointTests.editorToken)
            let created = try await registry.call(
                .post, "/v2/apis", #"{"name":"guarded","protocolType":"HTTP"}"#, headers: editor)
            let api = created.string("apiId")

            let (reply, cookie) = try await Self.signIn(
                registry, token: AuthenticationEndpointTests.editorToken, next: "/apis/\(api)")
            #expect(reply.status == .seeOther && reply.headers[.location] == "/apis/\(api)")
            let setCookie = try #require(reply.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            #expect(
                setCookie.contains("Max-Age=28800") && setCookie.contains("Path=/") && !setCookie.contains("Secure"))
            #expect(!setCookie.contains(AuthenticationEndpointTests.editorToken), "the cookie carries no credential")
            let session: HTTPFields = [.cookie: try #require(cookie)]

            let page = try await registry.call(.get, "/apis/\(api)", headers: session)
            #expect(page.status == .ok && page.body.contains("guarded"))
            #expect(page.body.contains("Signed in as deployer (editor)"))
            let template = try await registry.call(.get, "/v2/apis/\(api)/template", headers: session)
            #expect(template.status == .ok, "downloads read with the session")
            // A session never writes, whatever the role.
            let write = try await registry.call(
                .post, "/v2/apis", #"{"name":"x","protocolType":"HTTP"}"#, headers: session)
            #expect(write.status == .forbidden && write.errorType == "MissingAuthenticationTokenException")
            let deletion = try await registry.call(.delete, "/v2/apis/\(api)", headers: session)
            #expect(deletion.status == .forbidden)

            let out = try await registry.call(.post, "/signout", headers: session)
            #expect(out.status == .seeOther && out.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }

    @Test func readersSignInTooAndSeeTheirRole() async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            let (_, cookie) = try await Self.signIn(registry, token: AuthenticationEndpointTests.readerToken)
            let page = try await registry.call(.get, "/", headers: [.cookie: try #require(cookie)])
            #expect(page.status == .ok && page.body.contains("Signed in as viewer (reader)"))
        }
    }

    @Test(arguments: ["", "nobody-knows-this-token", String(repeating: "x", count: 3000)])
    func badTokensAreRefusedWithTheForm(token: String) async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            let (reply, cookie) = try await Self.signIn(registry, token: token)
            #expect(reply.status == .unauthorized && cookie == nil)
            #expect(reply.body.contains("That token is not valid here."))
        }
    }

    @Test func forgedTamperedOrForeignCookiesAreNotSessions() async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            let (_, cookie) = try await Self.signIn(registry, token: AuthenticationEndpointTests.readerToken)
            let value = try #require(cookie?.split(separator: "=", maxSplits: 1).last.map(String.init))
            let other = SessionCookies().value(
                for: Principal(name: "viewer", role: .admin),
                now: Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000)))
            for forged in [
                value + "x", String(value.reversed()), other, "", "a.b", String(repeating: "A", count: 5000),
            ] {
                let reply = try await registry.call(.get, "/", headers: [.cookie: "\(SessionCookies.name)=\(forged)"])
                #expect(reply.status == .seeOther, "\(forged.prefix(20))")
            }
        }
    }

    @Test func crossSiteFormsAndOpenRedirectsAreRefused() async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            var crossSite = Self.form
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            let (refused, cookie) = try await Self.signIn(
                registry, token: AuthenticationEndpointTests.readerToken, headers: crossSite)
            #expect(refused.status == .forbidden && cookie == nil)
            for next in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"] {
                let (reply, _) = try await Self.signIn(
                    registry, token: AuthenticationEndpointTests.readerToken, next: next)
                #expect(reply.headers[.location] == "/", "\(next)")
            }
        }
    }

    @Test func sessionsExpire() {
        let sessions = SessionCookies(lifetime: .seconds(60))
        let configuration = try! AuthenticationEndpointTests.configuration()
        let start = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)
        let value = sessions.value(for: Principal(name: "viewer", role: .reader), now: start)
        #expect(sessions.principal(fromValue: value, now: start, in: configuration)?.name == "viewer")
        let later = Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + 61_000)
        #expect(sessions.principal(fromValue: value, now: later, in: configuration) == nil)
        let removed = sessions.value(for: Principal(name: "gone", role: .admin), now: start)
        #expect(
            sessions.principal(fromValue: removed, now: start, in: configuration) == nil,
            "a principal no longer in the file")
    }

    @Test func anOpenCatalogNeedsNoSignIn() async throws {
        try await TestRegistry.run { registry in
            #expect(try await registry.call(.get, "/").status == .ok)
            let form = try await registry.call(.get, "/signin")
            #expect(form.body.contains("This catalog is open"))
            let (reply, cookie) = try await Self.signIn(registry, token: "anything")
            #expect(reply.status == .seeOther && cookie == nil)
        }
    }

    @Test func secureOverTLS() async throws {
        try await TestRegistry.run(authentication: try AuthenticationEndpointTests.configuration()) { registry in
            var headers = Self.form
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let (reply, _) = try await Self.signIn(
                registry, token: AuthenticationEndpointTests.readerToken, headers: headers)
            #expect(reply.headers[.setCookie]?.hasSuffix("; Secure") == true)
        }
    }
}
