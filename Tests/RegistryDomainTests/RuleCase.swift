import RegistryDomain
import Testing

/// One row of a rule table: a change to a valid subject and the refusal it must cause (`nil`: accepted).
struct RuleCase<Subject>: Sendable, CustomTestStringConvertible {
    /// What the row shows, as the test report prints it.
    let label: String
    /// The change applied to a subject that passes every rule.
    let change: @Sendable (inout Subject) -> Void
    /// The refusal the changed subject must cause, or `nil` if it must pass.
    let expected: RegistryError.Code?

    /// Creates a row.
    init(_ label: String, _ expected: RegistryError.Code?, _ change: @escaping @Sendable (inout Subject) -> Void) {
        self.label = label
        self.expected = expected
        self.change = change
    }

    var testDescription: String { "\(label) → \(expected.map { "\($0)" } ?? "accepted")" }

    /// `subject` with this row's change applied.
    func applied(to subject: Subject) -> Subject {
        var changed = subject
        change(&changed)
        return changed
    }
}

/// Checks that `body` refuses with `expected`, or passes when `expected` is `nil`.
func expectOutcome(
    _ expected: RegistryError.Code?, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(RegistryError) -> Void
) {
    if let expected {
        expectRegistryError(expected, sourceLocation: sourceLocation, body)
    } else {
        expectAccepted(sourceLocation: sourceLocation, body)
    }
}

/// Fixed values shared by the rule tables.
enum Sample {
    /// A timestamp; the rules never look at it.
    static let epoch = Timestamp(millisecondsSinceEpoch: 1_700_000_000_000)
    /// A Lambda function ARN.
    static let function = "arn:aws:lambda:us-east-1:123456789012:function:orders"
    /// The invocation URI of ``function``.
    static let invocation = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/\(function)/invocations"

    /// A valid HTTP API.
    static let httpAPI = API(
        id: APIID(uncheckedRawValue: "httpapi001"), name: "pets", protocolType: .http,
        routeSelectionExpression: API.httpRouteSelectionExpression, createdDate: epoch)

    /// A valid WebSocket API.
    static let webSocketAPI = API(
        id: APIID(uncheckedRawValue: "wsapi00001"), name: "chat", protocolType: .websocket,
        routeSelectionExpression: "$request.body.action", createdDate: epoch)

    /// `count` distinct tags.
    static func tags(_ count: Int) -> Tags {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ("key\($0)", "value\($0)") })
    }
}
