/// An authorizer a definition declares, under the name its routes refer to it by.
public struct ImportedAuthorizer: Hashable, Sendable {
    /// Where the definition declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The authorizer (its `name` is the security scheme's name).
    public var input: AuthorizerInput

    /// Creates an imported authorizer.
    public init(pointer: String, input: AuthorizerInput) {
        self.pointer = pointer
        self.input = input
    }
}
