/// A resource a template declares that refers to nothing else the same import makes (a VPC link, a
/// custom domain name, a model), under the key others refer to it by.
public struct ImportedResource<Input: Sendable>: Sendable {
    /// The key others refer to it by (a template's logical ID).
    public var key: String
    /// Where the template declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The members of its create operation.
    public var input: Input

    /// Creates an imported resource.
    public init(key: String, pointer: String, input: Input) {
        self.key = key
        self.pointer = pointer
        self.input = input
    }
}
