import RegistryDomain
import RegistryTestSupport
import Testing

/// Route key syntax and conflict keys, for HTTP and WebSocket APIs.
@Suite("Route keys")
struct RouteKeyTests {
    /// Keys an HTTP API accepts, with the conflict key each one parses to.
    static let validHTTPKeys: [(key: String, conflictKey: String)] = [
        ("$default", "$default"),
        ("GET /", "GET /"),
        ("GET /pets", "GET /pets"),
        ("ANY /pets/{id}", "ANY /pets/{}"),
        ("GET /files/{proxy+}", "GET /files/{+}"),
        ("POST /a/b-c.d/{x}", "POST /a/b-c.d/{}"),
        ("DELETE /v1/{pet_id}/toys/{toy-id}", "DELETE /v1/{}/toys/{}"),
        ("OPTIONS /{proxy+}", "OPTIONS /{+}"),
        ("PATCH /a/{b.c}", "PATCH /a/{}"),
        ("PUT /{a}/x/{b}/{c+}", "PUT /{}/x/{}/{+}"),
        ("GET /a/.../b~c", "GET /a/.../b~c"),
        ("HEAD /{A_1-b.c}", "HEAD /{}"),
    ]

    @Test("valid HTTP route keys parse", arguments: validHTTPKeys)
    func validHTTPKey(key: String, conflictKey: String) throws {
        let parsed = try RouteKey(parsing: key, protocolType: .http)
        #expect(parsed.rawValue == key)
        #expect(parsed.description == key)
        #expect(parsed.conflictKey == conflictKey)
        #expect(parsed.isDefault == (key == "$default"))
    }

    @Test("a METHOD /path key exposes its method and path")
    func methodAndPath() throws {
        let parsed = try RouteKey(parsing: "GET /pets/{id}", protocolType: .http)
        #expect(parsed.method == "GET")
        #expect(parsed.path == "/pets/{id}")
        let fallback = try RouteKey(parsing: "$default", protocolType: .http)
        #expect(fallback.method == nil)
        #expect(fallback.path == nil)
    }

    /// Keys an HTTP API refuses, with a fragment of the reason the message must give.
    static let invalidHTTPKeys: [(key: String, reason: String)] = [
        ("GET pets", "must start with '/'"),
        ("FETCH /x", "method 'FETCH'"),
        ("get /x", "method 'get'"),
        ("GET /a//b", "must not be empty"),
        ("GET /a/", "must not be empty"),
        ("GET /{a+}/b", "must be the last segment"),
        ("GET /{a}/{a}", "duplicate path variable 'a'"),
        ("GET /{}", "whole '{name}' segment"),
        ("GET /a{b}", "whole '{name}' segment"),
        ("GET /{a}b", "whole '{name}' segment"),
        ("GET /{+}", "invalid path variable name"),
        ("GET /{a/b}", "whole '{name}' segment"),
        ("GET /{a*}", "invalid path variable name"),
        ("GET  /x", "not formatted properly for HTTP protocol"),
        ("GET", "not formatted properly for HTTP protocol"),
        ("GET /x ", "not formatted properly for HTTP protocol"),
        ("$connect", "reserved keys are $default"),
        ("$disconnect", "reserved keys are $default"),
        ("", "1-1024 characters"),
        ("GET /a/../b", "invalid path segment '..'"),
        ("GET /a/./b", "invalid path segment '.'"),
        ("GET /a?b", "invalid path segment"),
        ("GET /a#b", "invalid path segment"),
        ("GET /caf\u{E9}", "invalid path segment"),
        ("GET /a\tb", "invalid path segment"),
        ("GET /" + String(repeating: "a", count: 1024), "1-1024 characters"),
        ("GET /a/\u{301}", "invalid path segment"),
        ("GET \u{301}/x", "must start with '/'"),
        ("GET /{a}/{b}/{a+}", "duplicate path variable 'a'"),
        ("GET /{a+}/{b+}", "greedy variable '{a+}' must be the last segment"),
        ("GET /{a}/{\u{E9}}", "invalid path variable name '\u{E9}'"),
    ]

    @Test("invalid HTTP route keys are refused with the reason", arguments: invalidHTTPKeys)
    func invalidHTTPKey(key: String, reason: String) {
        let error = expectRegistryError(.badRequest) { () throws(RegistryError) in
            try RouteKey(parsing: key, protocolType: .http)
        }
        #expect(error?.message.contains(reason) == true, "message: \(error?.message ?? "none")")
    }

    @Test("the longest allowed key is 1024 bytes")
    func longestKey() throws {
        let key = "GET /" + String(repeating: "a", count: 1019)
        #expect(key.utf8.count == 1024)
        #expect(try RouteKey(parsing: key, protocolType: .http).rawValue == key)
    }

    /// Pairs of keys and whether an API could hold both (their conflict keys differ).
    static let conflictPairs: [(first: String, second: String, conflict: Bool)] = [
        ("GET /pets/{id}", "GET /pets/{petId}", true),
        ("GET /pets/{id}", "GET /pets/{id}", true),
        ("GET /a/{x}/b/{y}", "GET /a/{y}/b/{x}", true),
        ("GET /files/{proxy+}", "GET /files/{path+}", true),
        ("GET /pets/{id}", "ANY /pets/{id}", false),
        ("GET /pets/{id}", "GET /pets/{id+}", false),
        ("GET /pets/{id}", "GET /pets/id", false),
        ("GET /pets", "GET /Pets", false),
        ("GET /pets", "POST /pets", false),
        ("$default", "GET /", false),
    ]

    @Test("keys that differ only by variable names share a conflict key", arguments: conflictPairs)
    func conflictKeys(first: String, second: String, conflict: Bool) throws {
        let lhs = try RouteKey(parsing: first, protocolType: .http)
        let rhs = try RouteKey(parsing: second, protocolType: .http)
        #expect((lhs.conflictKey == rhs.conflictKey) == conflict)
    }

    @Test(
        "valid WebSocket route keys parse as themselves",
        arguments: [
            "$connect", "$disconnect", "$default", "sendmessage", "chat.send", "GET/x", "{action}",
        ])
    func validWebSocketKey(key: String) throws {
        let parsed = try RouteKey(parsing: key, protocolType: .websocket)
        #expect(parsed.rawValue == key)
        #expect(parsed.conflictKey == key)
        #expect(parsed.method == nil)
    }

    @Test(
        "invalid WebSocket route keys are refused",
        arguments: [
            "$other", "has space", "GET /pets", "", "tab\there", "$Connect", "new\nline",
        ])
    func invalidWebSocketKey(key: String) {
        expectRegistryError(.badRequest) { () throws(RegistryError) in
            try RouteKey(parsing: key, protocolType: .websocket)
        }
    }

    @Test(
        "a key read back with its stored conflict key equals the key parsed afresh",
        arguments: [
            ("GET /pets/{id}", ProtocolType.http), ("ANY /{proxy+}", .http), ("$default", .http), ("POST /", .http),
            ("$connect", .websocket), ("sendMessage", .websocket), ("$default", .websocket),
        ])
    func storedWithConflictKey(text: String, protocolType: ProtocolType) throws {
        let parsed = try RouteKey(parsing: text, protocolType: protocolType)
        #expect(RouteKey(stored: text, conflictKey: parsed.conflictKey) == parsed)
    }

    @Test("a stored key that no longer parses keeps its text as its conflict key")
    func storedFallback() {
        let stored = RouteKey(stored: "GET no-slash", protocolType: .http)
        #expect(stored.rawValue == "GET no-slash")
        #expect(stored.conflictKey == "GET no-slash")
        #expect(stored.method == nil)
        let valid = RouteKey(stored: "GET /pets/{id}", protocolType: .http)
        #expect(valid.conflictKey == "GET /pets/{}")
        #expect(valid.method == "GET")
    }
}
