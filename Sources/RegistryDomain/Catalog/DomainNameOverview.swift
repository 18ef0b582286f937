/// What a custom domain name's page shows, read in one snapshot: the domain name and the API
/// each of its mappings serves.
public struct DomainNameOverview: Sendable {
    /// One API mapping and the API it serves.
    public struct MappedAPI: Sendable {
        /// The mapping.
        public let mapping: APIMapping
        /// The API's name (mappings keep their API: it is always there).
        public let apiName: String

        /// Creates a mapped API.
        public init(mapping: APIMapping, apiName: String) {
            self.mapping = mapping
            self.apiName = apiName
        }
    }

    /// The domain name.
    public let domainName: DomainName
    /// Its mappings, in creation order.
    public let mappings: [MappedAPI]

    /// Creates an overview.
    public init(domainName: DomainName, mappings: [MappedAPI]) {
        self.domainName = domainName
        self.mappings = mappings
    }
}
