import Foundation
import HTTPTypes
import RegistryAuth
import Testing

@testable import RegistryApp

/// Authentication and roles as the wire shows them (SigV4 itself is tested with botocore's
/// signatures in RegistryAuthTests and with boto3 and the AWS CLI in the interop suite).
@Suite struct AuthenticationEndpointTests {
    static let readerToken = "reader-0123456789abcdefghijklmnopqrstuv"
    static let editorToken = "editor-0123456789abcdefghijklmnopqrstuv"

    static func configuration() throws -> AuthConfiguration {
        let reader = RequestAuthenticator.sha256Hex(Array(readerToken.utf8))
        let editor = RequestAuthenticator.sha256Hex(Array(editorToken.utf8))
        return try AuthConfiguration(
            json: Data(
                #"""
                {"principals": [{"name": "viewer", "role": "reader", "tokenSha256": ["\#(reader)"]},
                                {"name": "deployer", "role": "editor", "tokenSha256": ["\#(editor)"]}]}
                """#.utf8))
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func healthzStaysOpenAndEverythingElseNeedsAPrincipal() async throws {
        try await TestRegistry.run(authentication: try Self.configuration()) { registry in
            #expect(try await registry.call(.get, "/healthz").status == .ok)
            #expect(try await registry.call(.get, "/metrics").status == .forbidden)
            #expect(try await registry.call(.get, "/metrics", headers: Self.bearer(Self.readerToken)).status == .ok)
            let missing = try await registry.call(.get, "/v2/apis")
            #expect(missing.status == .forbidden && missing.errorType == "MissingAuthenticationTokenException")
            let unknown = try await registry.call(.get, "/v2/apis", headers: Self.bearer("nobody"))
            #expect(unknown.status == .forbidden && unknown.errorType == "UnrecognizedClientException")
            let forged = try await registry.call(
                .get, "/v2/apis",
                headers: [
                    .authorization: "AWS4-HMAC-SHA256 Credential=AKIDX/20261124/us-east-1/apigateway/aws4_request"
                ])
            #expect(forged.status == .forbidden && forged.errorType == "InvalidSignatureException")
        }
    }

    @Test func readersReadAndEditorsWrite() async throws {
        try await TestRegistry.run(authentication: try Self.configuration()) { registry in
            let body = #"{"name":"x","protocolType":"HTTP"}"#
            let denied = try await registry.call(.post, "/v2/apis", body, headers: Self.bearer(Self.readerToken))
            #expect(denied.status == .forbidden && denied.errorType == "AccessDeniedException")
            #expect(denied.message.contains("viewer"))
            #expect(!denied.message.contains(Self.readerToken))
            let created = try await registry.call(.post, "/v2/apis", body, headers: Self.bearer(Self.editorToken))
            #expect(created.status == .created)
            let listed = try await registry.call(.get, "/v2/apis", headers: Self.bearer(Self.readerToken))
            #expect(listed.items.count == 1)
        }
    }

    @Test func rateLimiterRefillsAtItsRateAndKeepsPrincipalsApart() {
        let limiter = PrincipalRateLimiter(rate: 3)
        let start = ContinuousClock.now
        #expect((0..<4).map { _ in limiter.allow("a", now: start) } == [true, true, true, false])
        #expect(limiter.allow("b", now: start))
        #expect(!limiter.allow("a", now: start + .milliseconds(300)))
        #expect(limiter.allow("a", now: start + .milliseconds(340)))
        #expect((0..<4).map { _ in limiter.allow("a", now: start + .seconds(60)) } == [true, true, true, false])
    }

    @Test func rateLimitAnswers429PerPrincipal() async throws {
        try await TestRegistry.run(authentication: try Self.configuration(), rateLimitPerSecond: 3) { registry in
            // Thirty requests: refilling three tokens a second, the bucket could only keep up if
            // they took ten seconds, which no loaded test machine comes near.
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<30 {
                statuses.append(
                    try await registry.call(.get, "/v2/apis", headers: Self.bearer(Self.readerToken)).status)
            }
            #expect(statuses.contains(.tooManyRequests))
            #expect(statuses.prefix(3).allSatisfy { $0 == .ok })
            #expect(try await registry.call(.get, "/v2/apis", headers: Self.bearer(Self.editorToken)).status == .ok)
        }
    }
}
