/// The identifier of a route response (7 lowercase alphanumerics, as the registry issues child ids).
public struct RouteResponseID: EntityIdentifier {
    /// The length of identifiers the registry generates.
    public static let generatedLength = 7
    /// The identifier as it appears on the wire.
    public let rawValue: String

    /// Wraps text without checking it; use `init(validating:)` for untrusted input.
    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }
}
