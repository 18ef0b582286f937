/// The name of a stage, unique within its API: `$default` or 1–128 letters, digits, `-` and `_`.
public struct StageName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The stage that serves an HTTP API at its base URL.
    public static let defaultStage = StageName(uncheckedRawValue: "$default")

    /// The name as it appears on the wire (decoded, so `$default`, not `%24default`).
    public let rawValue: String

    /// Wraps text without checking it; use ``init(validating:)`` for untrusted input.
    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }

    /// Parses a stage name.
    /// - Throws: ``RegistryError/Code/badRequest`` unless the text is `$default` or 1–128
    ///   characters of letters, digits, `-` and `_`.
    public init(validating text: String) throws(RegistryError) {
        guard text == "$default" || Self.isPlainName(text) else {
            throw .badRequest(
                "Invalid stage name '\(text.prefix(140))': use $default or 1-128 letters, digits, '-' and '_'.")
        }
        self.rawValue = text
    }

    private static func isPlainName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 128 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
    }

    /// The name as it appears on the wire.
    public var description: String { rawValue }

    /// Orders by the wire text.
    public static func < (lhs: StageName, rhs: StageName) -> Bool { lhs.rawValue < rhs.rawValue }
}
