/// Filters on the catalog-wide audit log; `nil` members do not filter.
public struct ChangeFilter: Hashable, Sendable {
    /// Only changes made by this principal.
    public var principal: String?
    /// Only changes naming this kind of resource.
    public var resourceType: ResourceType?
    /// Only changes made at or after this time.
    public var since: Timestamp?

    /// Creates a filter.
    public init(principal: String? = nil, resourceType: ResourceType? = nil, since: Timestamp? = nil) {
        self.principal = principal
        self.resourceType = resourceType
        self.since = since
    }
}
