/// A route response or an integration response a template declares, with its route or integration
/// by the key the plan gives it.
public struct ImportedResponse<Input: Sendable>: Sendable {
    /// The key others refer to it by (a template's logical ID).
    public var key: String
    /// Where the template declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The key of the route (for a route response) or integration (for an integration response).
    public var parentKey: String
    /// The members of its create operation.
    public var input: Input

    /// Creates an imported response.
    public init(key: String, pointer: String, parentKey: String, input: Input) {
        self.key = key
        self.pointer = pointer
        self.parentKey = parentKey
        self.input = input
    }
}
