import RegistryDomain

/// The wire form of an API mapping (AWS's shape has no domain name: the path names it).
struct APIMappingBody: Encodable {
    let apiId: String
    let apiMappingId: String
    let apiMappingKey: String?
    let stage: String

    /// The wire form of `mapping`; the root mapping has no `apiMappingKey`.
    init(_ mapping: APIMapping) {
        apiId = mapping.apiID.rawValue
        apiMappingId = mapping.id.rawValue
        apiMappingKey = mapping.key.isEmpty ? nil : mapping.key
        stage = mapping.stage.rawValue
    }
}
