/// The behaviour shared by the registry's typed identifiers.
///
/// Each entity has its own identifier type so that an `APIID` can never be passed where a
/// `RouteID` is expected. Identifiers are AWS-shaped: lowercase ASCII letters and digits.
public protocol EntityIdentifier: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How many characters a generated identifier of this kind has (10 for APIs, 7 for children).
    static var generatedLength: Int { get }
    /// The identifier's text as it appears on the wire.
    var rawValue: String { get }
    /// Wraps text without checking it; use ``init(validating:)`` for untrusted input.
    init(uncheckedRawValue: String)
}

extension EntityIdentifier {
    /// Parses an identifier from untrusted input (a path segment, a JSON member).
    ///
    /// Returns `nil` unless the text is 1–64 lowercase letters or digits, so that no path
    /// traversal, NUL byte or oversized segment ever reaches the store.
    public init?(validating text: some StringProtocol) {
        guard !text.isEmpty, text.utf8.count <= 64,
            text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) })
        else { return nil }
        self.init(uncheckedRawValue: String(text))
    }

    /// A fresh random identifier of ``generatedLength`` characters drawn from `generator`.
    public static func random(using generator: inout some RandomNumberGenerator) -> Self {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(generatedLength)
        for _ in 0..<generatedLength {
            bytes.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return Self(uncheckedRawValue: String(decoding: bytes, as: UTF8.self))
    }

    /// The identifier as it appears on the wire.
    public var description: String { rawValue }

    /// Orders by the wire text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
