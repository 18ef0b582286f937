public import RegistryDomain
public import Testing

/// One row of a rule table: a change to a valid subject and the refusal it must cause (`nil`: accepted).
public struct RuleCase<Subject>: Sendable, CustomTestStringConvertible {
    /// What the row shows, as the test report prints it.
    public let label: String
    /// The change applied to a subject that passes every rule.
    public let change: @Sendable (inout Subject) -> Void
    /// The refusal the changed subject must cause, or `nil` if it must pass.
    public let expected: RegistryError.Code?

    /// Creates a row.
    public init(
        _ label: String, _ expected: RegistryError.Code?, _ change: @escaping @Sendable (inout Subject) -> Void
    ) {
        self.label = label
        self.expected = expected
        self.change = change
    }

    /// The label and the expected outcome.
    public var testDescription: String { "\(label) → \(expected.map { "\($0)" } ?? "accepted")" }

    /// `subject` with this row's change applied.
    public func applied(to subject: Subject) -> Subject {
        var changed = subject
        change(&changed)
        return changed
    }
}
