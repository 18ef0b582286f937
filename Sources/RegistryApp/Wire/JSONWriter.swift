import RegistryDomain

/// Writes JSON by hand for the hottest responses (GetApi, GetRoute, GetIntegration and their lists),
/// byte for byte what ``WireJSON/encoder`` writes for the same value: members in sorted key order,
/// absent optionals left out, the same string escaping. Foundation's encoder builds a tree of boxed
/// values and sorts it on every response; on a small response that costs more than the database read.
///
/// Members must be written in ascending key order (debug builds stop at the first key that is
/// not); objects and arrays nest through closures.
struct JSONWriter {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// Whether the next member or element is the first of its object or array (no comma before it).
    private var atFirst = true
    #if DEBUG
        /// The last key written in each open object or array, innermost last (`nil`: none yet).
        /// Debug builds only: the check costs a string comparison per member.
        private var lastKeys: [String?] = []
    #endif

    /// Creates an empty writer.
    init() { bytes.reserveCapacity(512) }

    /// Writes one object, its members written by `body`.
    mutating func object(_ body: (inout JSONWriter) -> Void) { enclosed("{", "}", body) }

    /// Writes one array, its elements written by `body` (each through ``element(_:)``).
    mutating func array(_ body: (inout JSONWriter) -> Void) { enclosed("[", "]", body) }

    private mutating func enclosed(_ open: Unicode.Scalar, _ close: Unicode.Scalar, _ body: (inout JSONWriter) -> Void)
    {
        bytes.append(UInt8(ascii: open))
        atFirst = true
        #if DEBUG
            lastKeys.append(nil)
            defer { lastKeys.removeLast() }
        #endif
        body(&self)
        bytes.append(UInt8(ascii: close))
        atFirst = false
    }

    /// Starts the next array element (the comma before all but the first).
    mutating func element(_ body: (inout JSONWriter) -> Void) {
        separate()
        body(&self)
        atFirst = false
    }

    /// Writes `"key":`, preceded by a comma unless it is the object's first member. In debug builds,
    /// a key that does not come after the object's previous key (as ``WireJSON/encoder`` sorts them)
    /// stops the program.
    mutating func key(_ key: String) {
        #if DEBUG
            if let previous = lastKeys.last ?? nil {
                precondition(
                    previous < key,
                    "JSONWriter: key \"\(key)\" written after \"\(previous)\"; write members in ascending key order")
            }
            if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = key }
        #endif
        separate()
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func separate() {
        if atFirst { atFirst = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    /// Writes a JSON string with Foundation's escaping (see ``appendQuoted(_:to:)``).
    mutating func string(_ text: String) { Self.appendQuoted(text, to: &bytes) }

    /// Appends `text` as a JSON string literal with Foundation's escaping: quote, backslash and
    /// control characters escaped, slashes left alone (as ``WireJSON/encoder`` is configured). The
    /// access log writes its lines with it too.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escaping: scan their contiguous UTF-8 and copy it in one go.
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes `true` or `false`.
    mutating func bool(_ value: Bool) {
        bytes += value ? Array("true".utf8) : Array("false".utf8)
    }

    /// Writes an integer.
    mutating func int(_ value: Int) {
        bytes += Array(String(value).utf8)
    }

    // MARK: members (an absent optional writes nothing)

    /// Writes the member `key` when `value` is present.
    mutating func member(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    /// Writes the member `key` when `value` is present.
    mutating func member(_ key: String, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        bool(value)
    }

    /// Writes the member `key` when `value` is present.
    mutating func member(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        int(value)
    }

    /// Writes the member `key` when `value` is present: an array of strings.
    mutating func member(_ key: String, _ value: [String]?) {
        guard let value else { return }
        self.key(key)
        array { writer in
            for item in value { writer.element { $0.string(item) } }
        }
    }

    /// Writes the member `key` when `value` is present: an object of strings, keys sorted.
    mutating func member(_ key: String, _ value: [String: String]?) {
        guard let value else { return }
        self.key(key)
        object { writer in
            for name in value.keys.sorted() { writer.member(name, value[name]) }
        }
    }

    /// Writes the member `key` when `value` is present: an object of objects of strings, keys sorted.
    mutating func member(_ key: String, _ value: [String: [String: String]]?) {
        guard let value else { return }
        self.key(key)
        object { writer in
            for name in value.keys.sorted() { writer.member(name, value[name]) }
        }
    }

    /// Writes the member `key` when `value` is present: route request parameters.
    mutating func member(_ key: String, _ value: [String: ParameterConstraints]?) {
        guard let value else { return }
        self.key(key)
        object { writer in
            for name in value.keys.sorted() {
                writer.key(name)
                writer.object { $0.member("required", value[name]?.required) }
            }
        }
    }

    /// Writes the member `key` when `value` is present: an API's CORS configuration.
    mutating func member(_ key: String, _ value: CorsConfiguration?) {
        guard let value else { return }
        self.key(key)
        object { writer in
            writer.member("allowCredentials", value.allowCredentials)
            writer.member("allowHeaders", value.allowHeaders)
            writer.member("allowMethods", value.allowMethods)
            writer.member("allowOrigins", value.allowOrigins)
            writer.member("exposeHeaders", value.exposeHeaders)
            writer.member("maxAge", value.maxAge)
        }
    }

    /// Writes the member `key` when `value` is present: an integration's TLS settings.
    mutating func member(_ key: String, _ value: TLSConfig?) {
        guard let value else { return }
        self.key(key)
        object { $0.member("serverNameToVerify", value.serverNameToVerify) }
    }
}

/// A response written by ``JSONWriter`` instead of Foundation's encoder. It stays `Encodable` so
/// tests can prove both give the same bytes.
protocol JSONWritable: Encodable {
    /// Writes this value as one JSON value.
    func write(to writer: inout JSONWriter)
}
