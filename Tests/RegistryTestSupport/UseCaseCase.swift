public import RegistryDomain
public import Testing

/// One row of a use-case rule table: a request and the refusal it must meet (`nil`: accepted).
///
/// Inputs may name entities the test creates first through placeholders (see ``Placeholders``).
public struct UseCaseCase<Input: Sendable>: Sendable, CustomTestStringConvertible {
    /// What the row shows, as the test report prints it.
    public let label: String
    /// The request.
    public let input: Input
    /// The refusal the request must meet, or `nil` if it must be accepted.
    public let expected: RegistryError.Code?

    /// Creates a row.
    public init(_ label: String, _ expected: RegistryError.Code?, _ input: Input) {
        self.label = label
        self.expected = expected
        self.input = input
    }

    /// The label and the expected outcome.
    public var testDescription: String { "\(label) → \(expected.map { "\($0)" } ?? "accepted")" }
}

/// Ids of entities a test created, substituted for `@NAME` placeholders in rule-table inputs.
public struct Placeholders {
    /// Placeholder name (without `@`) to the text it stands for.
    public var values: [String: String] = [:]

    /// No placeholders yet.
    public init() {}

    /// `text` with a whole-value placeholder replaced; other text unchanged.
    public func resolve(_ text: String?) -> String? {
        guard let text, text.hasPrefix("@") else { return text }
        return values[String(text.dropFirst())] ?? text
    }
}
