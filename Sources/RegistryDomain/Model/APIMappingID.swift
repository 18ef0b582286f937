/// The identifier of an API mapping (6 lowercase alphanumerics, as AWS issues them).
public struct APIMappingID: EntityIdentifier {
    /// The length of identifiers the registry generates.
    public static let generatedLength = 6
    /// The identifier as it appears on the wire.
    public let rawValue: String

    /// Wraps text without checking it; use `init(validating:)` for untrusted input.
    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }
}
