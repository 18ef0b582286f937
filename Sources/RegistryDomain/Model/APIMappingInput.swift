/// The members of a CreateApiMapping or UpdateApiMapping request; `nil` means "not given".
public struct APIMappingInput: Sendable, Decodable {
    /// The request member `apiId` (required by both).
    public var apiId: String?
    /// The request member `apiMappingKey`; empty maps the domain's root.
    public var apiMappingKey: String?
    /// The request member `stage`.
    public var stage: String?

    /// Creates an input; every member is optional.
    public init(apiId: String? = nil, apiMappingKey: String? = nil, stage: String? = nil) {
        self.apiId = apiId
        self.apiMappingKey = apiMappingKey
        self.stage = stage
    }
}
