/// The identifier of a custom domain name: the fully qualified name itself, lowercased
/// (`api.example.com`, or a wildcard `*.example.com`).
public struct DomainNameID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name as it appears on the wire.
    public let rawValue: String

    /// Wraps text without checking it; use ``init(validating:)`` for untrusted input.
    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }

    /// Parses a domain name, lowercasing it (DNS names are case-insensitive).
    /// - Throws: ``RegistryError/Code/badRequest`` unless the text is a fully qualified DNS name of at
    ///   most 253 characters: two or more dot-separated labels of 1–63 letters, digits and hyphens, not
    ///   starting or ending with a hyphen, the last one not all digits; the first label may be `*`.
    public init(validating text: String) throws(RegistryError) {
        let name = text.lowercased()
        guard Self.isDomainName(name) else {
            throw .badRequest(
                "Invalid domain name '\(text.prefix(260))': expected a fully qualified name such as api.example.com "
                    + "(labels of letters, digits and hyphens; a wildcard * only as the first label).")
        }
        self.rawValue = name
    }

    private static func isDomainName(_ name: String) -> Bool {
        guard name.utf8.count <= 253 else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.last?.allSatisfy(\.isNumber) == false else { return false }
        for (index, label) in labels.enumerated() {
            if index == 0, label == "*" { continue }
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-",
                label.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
            else { return false }
        }
        return true
    }

    /// The name as it appears on the wire.
    public var description: String { rawValue }

    /// Orders by the wire text.
    public static func < (lhs: DomainNameID, rhs: DomainNameID) -> Bool { lhs.rawValue < rhs.rawValue }
}
