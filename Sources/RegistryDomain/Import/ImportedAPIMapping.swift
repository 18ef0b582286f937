/// An API mapping a template declares: its API by the key the plan gives it, its custom domain name
/// by name (one the same import makes, or one registered before).
public struct ImportedAPIMapping: Sendable {
    /// The key others refer to it by (a template's logical ID).
    public var key: String
    /// Where the template declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The key of the API it maps.
    public var apiKey: String
    /// The name of the domain name it maps onto.
    public var domainName: String?
    /// Its stage and key (its `apiId` is set when the import is applied).
    public var input: APIMappingInput

    /// Creates an imported API mapping.
    public init(key: String, pointer: String, apiKey: String, domainName: String?, input: APIMappingInput) {
        self.key = key
        self.pointer = pointer
        self.apiKey = apiKey
        self.domainName = domainName
        self.input = input
    }
}
