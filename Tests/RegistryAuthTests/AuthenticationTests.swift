import Foundation
import RegistryDomain
import Testing

@testable import RegistryAuth

/// The auth file and the bearer-or-SigV4 decision with roles.
@Suite struct AuthenticationTests {
    static let readerToken = "reader-token-0123456789abcdefghijklmnop"
    static let editorToken = "editor-token-0123456789abcdefghijklmnop"

    static var file: String {
        #"""
        {"principals": [
          {"name": "viewer", "role": "reader", "tokenSha256": ["\#(RequestAuthenticator.sha256Hex(Array(readerToken.utf8)))"]},
          {"name": "deployer", "role": "editor", "tokenSha256": ["\#(RequestAuthenticator.sha256Hex(Array(editorToken.utf8)))"],
           "accessKeys": [{"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "secret"}]},
          {"name": "root", "role": "admin"}
        ]}
        """#
    }

    static func request(_ method: String, authorization: String?) -> SignedRequest {
        SignedRequest(
            method: method, rawPath: "/v2/apis", rawQuery: "", host: "localhost",
            headers: authorization.map { [(name: "authorization", value: $0)] } ?? [],
            bodySHA256: RequestAuthenticator.sha256Hex([]))
    }

    @Test func parsesPrincipalsRolesAndCredentials() throws {
        let configuration = try AuthConfiguration(json: Data(Self.file.utf8))
        #expect(configuration.principals.map(\.name) == ["viewer", "deployer", "root"])
        #expect(configuration.principals.map(\.role) == [.reader, .editor, .admin])
        #expect(configuration.principal(bearerToken: Self.readerToken)?.name == "viewer")
        #expect(configuration.principal(bearerToken: Self.readerToken + "x") == nil)
        #expect(configuration.accessKey(id: "AKIDEXAMPLE")?.principal.name == "deployer")
    }

    @Test(arguments: [
        ("{", "not JSON"), (#"{"principals": [{"name": "a", "role": "owner"}]}"#, "owner"),
        (#"{"principals": [{"name": "a", "role": "reader"}, {"name": "a", "role": "admin"}]}"#, "twice"),
        (#"{"principals": [{"name": "a", "role": "reader", "tokenSha256": ["abc"]}]}"#, "64 hex"),
        (#"{"principals": [{"name": "", "role": "reader"}]}"#, "name"), (#"{"users": []}"#, "principals"),
        (
            #"{"principals": [{"name": "a", "role": "reader", "accessKeys": [{"accessKeyId": "K", "secretAccessKey": "s"}]},"#
                + #"{"name": "b", "role": "reader", "accessKeys": [{"accessKeyId": "K", "secretAccessKey": "t"}]}]}"#,
            "twice"
        ),
    ])
    func malformedFilesAreRefusedWithAReason(json: String, mentions: String) {
        let error = #expect(throws: RegistryError.self) { try AuthConfiguration(json: Data(json.utf8)) }
        #expect(error?.message.contains(mentions) == true, "\(String(describing: error))")
    }

    @Test(
        arguments: [
            ("GET", "Bearer \(readerToken)", "viewer" as String?, nil as RegistryError.Code?),
            ("HEAD", "Bearer \(readerToken)", "viewer", nil),
            ("POST", "Bearer \(readerToken)", nil, .accessDenied),
            ("DELETE", "Bearer \(readerToken)", nil, .accessDenied),
            ("POST", "Bearer \(editorToken)", "deployer", nil),
            ("GET", "Bearer nobody", nil, .unrecognizedClient),
            ("GET", nil, nil, .missingAuthenticationToken),
            ("GET", "Basic dXNlcjpwYXNz", nil, .missingAuthenticationToken),
            ("GET", "AWS4-HMAC-SHA256 garbage", nil, .invalidSignature),
        ] as [(String, String?, String?, RegistryError.Code?)])
    func authenticationAndRoles(
        method: String, authorization: String?, principal: String?, code: RegistryError.Code?
    )
        throws
    {
        let authenticator = RequestAuthenticator(configuration: try AuthConfiguration(json: Data(Self.file.utf8)))
        let now = Timestamp(millisecondsSinceEpoch: 0)
        if let code {
            expectCode(code) {
                _ = try authenticator.authenticate(Self.request(method, authorization: authorization), now: now)
            }
        } else {
            let found = try authenticator.authenticate(Self.request(method, authorization: authorization), now: now)
            #expect(found.name == principal)
        }
    }

    @Test(arguments: Role.allCases)
    func rolesPermitMethods(role: Role) {
        #expect(role.permits(method: "GET", path: "/v2/apis") && role.permits(method: "HEAD", path: "/v2/apis"))
        #expect(role.permits(method: "POST", path: "/v2/apis") == (role != .reader))
        #expect(role.permits(method: "DELETE", path: "/v2/apis/a1b2c3d") == (role != .reader))
    }

    @Test("only admins reach /v2/admin/…, whatever the method", arguments: Role.allCases)
    func onlyAdminsAdminister(role: Role) {
        for path in ["/v2/admin/backup", "/v2/admin", "/v2/admin/anything"] {
            #expect(role.permits(method: "GET", path: path) == (role == .admin))
        }
        #expect(role.permits(method: "GET", path: "/v2/administrators") == true)
    }
}
