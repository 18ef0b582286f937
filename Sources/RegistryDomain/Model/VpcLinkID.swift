/// The identifier of a VPC link (7 lowercase alphanumerics, as AWS issues them).
public struct VpcLinkID: EntityIdentifier {
    /// The length of identifiers the registry generates.
    public static let generatedLength = 7
    /// The identifier as it appears on the wire.
    public let rawValue: String

    /// Wraps text without checking it; use `init(validating:)` for untrusted input.
    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }
}
