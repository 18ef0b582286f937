/// The members of a CreateModel or UpdateModel request; `nil` means "not given".
public struct ModelInput: Sendable, Decodable {
    /// The request member `name`.
    public var name: String?
    /// The request member `schema` (a JSON schema as text).
    public var schema: String?
    /// The request member `contentType`.
    public var contentType: String?
    /// The request member `description`.
    public var description: String?

    /// Creates an input; every member is optional.
    public init(name: String? = nil, schema: String? = nil, contentType: String? = nil, description: String? = nil) {
        self.name = name
        self.schema = schema
        self.contentType = contentType
        self.description = description
    }
}
