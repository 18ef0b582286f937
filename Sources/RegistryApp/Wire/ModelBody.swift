import RegistryDomain

/// The wire form of a model.
struct ModelBody: Encodable {
    let contentType: String?
    let description: String?
    let modelId: String
    let name: String
    let schema: String

    /// The wire form of `model`.
    init(_ model: Model) {
        contentType = model.contentType
        description = model.description
        modelId = model.id.rawValue
        name = model.name
        schema = model.schema
    }
}
