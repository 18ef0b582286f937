import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import RegistryAuth
import Testing

@testable import RegistryApp

/// `/v2/admin/backup` (GetBackup): admins download a checked copy of the database; no other role
/// reaches it, with a token or a page session.
@Suite struct AdminEndpointTests {
    static let adminToken = "admin-0123456789abcdefghijklmnopqrstuvw"

    /// A reader, an editor and an admin.
    static func configuration() throws -> AuthConfiguration {
        func hash(_ token: String) -> String { RequestAuthenticator.sha256Hex(Array(token.utf8)) }
        return try AuthConfiguration(
            json: Data(
                #"""
                {"principals": [
                  {"name": "viewer", "role": "reader", "tokenSha256": ["\#(hash(AuthenticationEndpointTests.readerToken))"]},
                  {"name": "deployer", "role": "editor", "tokenSha256": ["\#(hash(AuthenticationEndpointTests.editorToken))"]},
                  {"name": "operator", "role": "admin", "tokenSha256": ["\#(hash(adminToken))"]}]}
                """#.utf8))
    }

    @Test func adminsDownloadACheckedCopyAndNoOneElseDoes() async throws {
        try await TestRegistry.run(authentication: try Self.configuration()) { registry in
            let admin = AuthenticationEndpointTests.bearer(Self.adminToken)
            _ = try await registry.call(.post, "/v2/apis", #"{"name":"kept","protocolType":"HTTP"}"#, headers: admin)
            let backup = try await registry.call(.get, "/v2/admin/backup", headers: admin)
            #expect(backup.status == .ok)
            #expect(backup.headers[.contentType] == "application/vnd.sqlite3")
            #expect(backup.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"registry-") == true)
            #expect(backup.headers[HTTPField.Name("x-registry-backup-apis")!] == "1")
            #expect(backup.headers[HTTPField.Name("x-registry-backup-change-records")!] == "1")
            let raw = try await registry.client.execute(uri: "/v2/admin/backup", method: .get, headers: admin)
            let bytes = Array(raw.body.readableBytesView)
            #expect(bytes.starts(with: Array("SQLite format 3\u{0}".utf8)))
            #expect(raw.headers[.contentLength] == String(bytes.count))
            for token in [AuthenticationEndpointTests.readerToken, AuthenticationEndpointTests.editorToken] {
                let denied = try await registry.call(
                    .get, "/v2/admin/backup", headers: AuthenticationEndpointTests.bearer(token))
                #expect(denied.status == .forbidden && denied.errorType == "AccessDeniedException")
                #expect(!denied.body.contains("SQLite"))
            }
            let anonymous = try await registry.call(.get, "/v2/admin/backup")
            #expect(anonymous.status == .forbidden && anonymous.errorType == "MissingAuthenticationTokenException")
            let (_, cookie) = try await SignInTests.signIn(registry, token: AuthenticationEndpointTests.editorToken)
            let session = try await registry.call(.get, "/v2/admin/backup", headers: [.cookie: try #require(cookie)])
            #expect(session.status == .forbidden && session.errorType == "AccessDeniedException")
        }
    }
}
