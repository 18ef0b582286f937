/// An API mapping: a stage of an API served on a custom domain name under a path (its key).
public struct APIMapping: Hashable, Sendable {
    /// The mapping's identifier.
    public var id: APIMappingID
    /// The domain name it belongs to.
    public var domainName: DomainNameID
    /// The API it serves.
    public var apiID: APIID
    /// The stage of that API it serves.
    public var stage: StageName
    /// The path under the domain (`orders`, `v1/orders`); empty for the domain's root.
    public var key: String

    /// Creates a mapping value; rules are checked by the use cases, not here.
    public init(id: APIMappingID, domainName: DomainNameID, apiID: APIID, stage: StageName, key: String = "") {
        self.id = id
        self.domainName = domainName
        self.apiID = apiID
        self.stage = stage
        self.key = key
    }
}
