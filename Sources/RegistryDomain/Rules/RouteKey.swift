/// A parsed route key: `$default`, `METHOD /path` on HTTP APIs, or a WebSocket selection key.
///
/// Parsing enforces API Gateway's syntax; ``conflictKey`` is the form two keys share when API
/// Gateway would treat them as the same route (variables that differ only by name).
public struct RouteKey: Hashable, Sendable, CustomStringConvertible {
    /// The HTTP methods an HTTP API route key may name.
    public static let httpMethods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]

    /// The key as registered, e.g. `GET /pets/{id}`.
    public let rawValue: String
    /// The key with variable names erased (`GET /pets/{}`); unique per API.
    public let conflictKey: String
    /// The HTTP method, for `METHOD /path` keys.
    public let method: String?
    /// The path, for `METHOD /path` keys.
    public let path: String?

    /// Whether this is the `$default` catch-all route.
    public var isDefault: Bool { rawValue == "$default" }

    /// Wraps a key that was parsed before (read back from the store) for an API of `protocolType`.
    ///
    /// Falls back to the raw text as its own conflict key if the stored text no longer parses.
    public init(stored text: String, protocolType: ProtocolType) {
        self =
            (try? RouteKey(parsing: text, protocolType: protocolType))
            ?? RouteKey(rawValue: text, conflictKey: text, method: nil, path: nil)
    }

    /// Wraps a key read back from the store together with the conflict key stored beside it, without
    /// parsing it again (reads of hundreds of routes would otherwise spend most of their time here).
    /// The method and path are the text around the space of a `METHOD /path` key; only HTTP keys
    /// have a space (parsing refuses spaces in WebSocket keys), so the API's protocol is not needed.
    public init(stored text: String, conflictKey: String) {
        if !text.hasPrefix("$"), let space = text.firstIndex(of: " ") {
            self.init(
                rawValue: text, conflictKey: conflictKey, method: String(text[..<space]),
                path: String(text[text.index(after: space)...]))
        } else {
            self.init(rawValue: text, conflictKey: conflictKey, method: nil, path: nil)
        }
    }

    private init(rawValue: String, conflictKey: String, method: String?, path: String?) {
        self.rawValue = rawValue
        self.conflictKey = conflictKey
        self.method = method
        self.path = path
    }

    /// Parses a route key for an API of `protocolType`.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the key and what is wrong with it.
    public init(parsing text: String, protocolType: ProtocolType) throws(RegistryError) {
        guard !text.isEmpty, text.utf8.count <= 1024 else {
            throw .badRequest("Route key must be 1-1024 characters long.")
        }
        if text.hasPrefix("$") {
            let allowed: Set<String> = protocolType == .http ? ["$default"] : ["$default", "$connect", "$disconnect"]
            guard allowed.contains(text) else {
                throw .badRequest(
                    "Invalid route key '\(text)': reserved keys are \(allowed.sorted().joined(separator: ", ")).")
            }
            self.init(rawValue: text, conflictKey: text, method: nil, path: nil)
            return
        }
        switch protocolType {
        case .websocket:
            guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
                throw .badRequest("Invalid route key '\(text)': WebSocket route keys contain no spaces or controls.")
            }
            self.init(rawValue: text, conflictKey: text, method: nil, path: nil)
        case .http:
            // Parsed on UTF-8 bytes: every delimiter of the syntax is ASCII, and a create request
            // parses its key inside the serial writer, where Character-level splitting was a
            // measurable share of each write.
            let utf8 = text.utf8
            guard let space = utf8.firstIndex(of: 0x20),
                !utf8[utf8.index(after: space)...].contains(0x20)
            else {
                // AWS's wording.
                throw .badRequest(
                    "The provided route key is not formatted properly for HTTP protocol. Format should be "
                        + "\"<HTTP METHOD> /<RESOURCE PATH>\" or \"$default\"; got '\(text)'.")
            }
            let method = String(text[..<space])
            guard Self.httpMethods.contains(method) else {
                throw .badRequest(
                    "Invalid route key '\(text)': method '\(method)' is not one of "
                        + "\(Self.httpMethods.sorted().joined(separator: ", ")).")
            }
            let path = String(text[utf8.index(after: space)...])
            let normalizedPath = try Self.normalize(path: path, in: text)
            self.init(
                rawValue: text, conflictKey: normalizedPath == path ? text : "\(method) \(normalizedPath)",
                method: method, path: path)
        }
    }

    /// Checks a path and returns it with every variable name erased.
    private static func normalize(path: String, in key: String) throws(RegistryError) -> String {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else {
            throw .badRequest("Invalid route key '\(key)': the path must start with '/'.")
        }
        if bytes.count == 1 { return "/" }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var names: [ArraySlice<UInt8>] = []
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var start = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let segment = bytes[start..<end]
            let isLast = end == bytes.count
            start = end + 1
            guard let first = segment.first, let last = segment.last else {
                throw .badRequest("Invalid route key '\(key)': path segments must not be empty.")
            }
            normalized.append(UInt8(ascii: "/"))
            if first == UInt8(ascii: "{") || last == UInt8(ascii: "}") {
                guard segment.count >= 3, first == UInt8(ascii: "{"), last == UInt8(ascii: "}") else {
                    throw .badRequest("Invalid route key '\(key)': a path variable must be a whole '{name}' segment.")
                }
                var name = segment.dropFirst().dropLast()
                let greedy = name.last == UInt8(ascii: "+")
                if greedy {
                    name = name.dropLast()
                    guard isLast else {
                        throw .badRequest(
                            "Invalid route key '\(key)': a greedy variable '{\(text(name.indices))+}' must be the "
                                + "last segment.")
                    }
                }
                guard !name.isEmpty, name.allSatisfy(isVariableNameByte) else {
                    throw .badRequest("Invalid route key '\(key)': invalid path variable name '\(text(name.indices))'.")
                }
                guard !names.contains(where: { $0.elementsEqual(name) }) else {
                    throw .badRequest("Invalid route key '\(key)': duplicate path variable '\(text(name.indices))'.")
                }
                names.append(name)
                normalized.append(contentsOf: greedy ? Array("{+}".utf8) : Array("{}".utf8))
            } else {
                let isDots = segment.allSatisfy { $0 == UInt8(ascii: ".") } && segment.count <= 2
                guard !isDots, segment.allSatisfy(isLiteralPathByte) else {
                    throw .badRequest("Invalid route key '\(key)': invalid path segment '\(text(segment.indices))'.")
                }
                normalized.append(contentsOf: segment)
            }
        }
        return normalized == bytes ? path : String(decoding: normalized, as: UTF8.self)
    }

    private static func isVariableNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte == 0x2D || byte == 0x2E
    }

    private static func isLiteralPathByte(_ byte: UInt8) -> Bool {
        // Printable ASCII without the characters that delimit variables, queries and fragments.
        byte > 0x20 && byte < 0x7F && byte != 0x7B && byte != 0x7D && byte != 0x3F && byte != 0x23
    }

    /// The key as registered.
    public var description: String { rawValue }
}
