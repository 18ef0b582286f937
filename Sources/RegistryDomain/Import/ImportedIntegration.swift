/// An integration a definition declares, under the key its routes refer to it by.
public struct ImportedIntegration: Hashable, Sendable {
    /// The key routes use for it: a shared integration's name, or the place of an inline one.
    public var key: String
    /// Where the definition declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The integration (its `connectionId`, when it names a VPC link of the registry).
    public var input: IntegrationInput
    /// The key of the VPC link made by the same import that it connects through, if any.
    public var vpcLinkKey: String?

    /// Creates an imported integration.
    public init(key: String, pointer: String, input: IntegrationInput, vpcLinkKey: String? = nil) {
        self.key = key
        self.pointer = pointer
        self.input = input
        self.vpcLinkKey = vpcLinkKey
    }
}
