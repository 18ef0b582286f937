/// Whether a string can be written as a plain (unquoted) YAML scalar and still read back as that
/// same string, by YAML 1.1 loaders (which read `yes`, `on` and `2010-09-09` as other types) as
/// well as YAML 1.2 ones.
///
/// The rule is deliberately conservative: ASCII only, nothing that starts like an indicator, a
/// number, a date or a special float, none of the words YAML 1.1 reads as booleans or null, no
/// `: ` or ` #` inside, no leading or trailing space and no trailing colon. Anything else is
/// double-quoted, which every loader reads exactly as JSON does.
enum YAMLPlainScalar {
    /// The words YAML 1.1 and 1.2 core schemas resolve to booleans or null (compared lowercased).
    static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// Whether `text` may be written plain.
    static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isSafe)
    }

    /// Whether the UTF-8 bytes of a string may be written plain; one pass over them (templates
    /// write thousands of strings, and this runs for each).
    static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        // Every indicator that may not start a plain scalar, and what would start a number, a sign,
        // a special float or a merge key.
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "<"), UInt8(ascii: "="), UInt8(ascii: " "),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return false
        default:
            break
        }
        guard last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            // Printable ASCII only; no ": " and no " #" inside.
            guard byte >= 0x20, byte < 0x7F else { return false }
            if byte == UInt8(ascii: " "), previous == UInt8(ascii: ":") { return false }
            if byte == UInt8(ascii: "#"), previous == UInt8(ascii: " ") { return false }
            previous = byte
        }
        guard bytes.count <= 5 else { return true }
        return !reservedWords.contains(String(decoding: bytes, as: UTF8.self).lowercased())
    }
}
