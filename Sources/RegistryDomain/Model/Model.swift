/// A model: a JSON schema (draft 4) describing a message body of a WebSocket API, named by
/// routes (`requestModels`) and route responses (`responseModels`).
public struct Model: Hashable, Sendable {
    /// The model's identifier.
    public var id: ModelID
    /// The API the model belongs to.
    public var apiID: APIID
    /// The model's name: 1–128 letters and digits, unique within the API.
    public var name: String
    /// The JSON schema, as text (at most 32,768 characters).
    public var schema: String
    /// The content type the model describes.
    public var contentType: String?
    /// A description, at most 1024 characters.
    public var description: String?

    /// Creates a model value; rules are checked by the use cases, not here.
    public init(
        id: ModelID, apiID: APIID, name: String, schema: String, contentType: String? = nil,
        description: String? = nil
    ) {
        self.id = id
        self.apiID = apiID
        self.name = name
        self.schema = schema
        self.contentType = contentType
        self.description = description
    }
}
