/// The identifier of an integration (7 lowercase alphanumerics, as AWS issues them).
public struct IntegrationID: EntityIdentifier {
    public static let generatedLength = 7
    public let rawValue: String

    public init(uncheckedRawValue: String) { self.rawValue = uncheckedRawValue }
}
