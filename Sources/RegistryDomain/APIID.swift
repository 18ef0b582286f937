/// The identifier of an API (10 lowercase alphanumerics, as AWS issues them).
public struct APIID: EntityIdentifier {
    public static let generatedLength = 10
    public let rawValue: String

    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }
}
