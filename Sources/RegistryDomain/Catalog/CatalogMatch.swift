/// One indexed part of an API that a search matched: the API itself (its id, name, description or
/// tags), one of its routes, integrations or authorizers.
public struct CatalogMatch: Hashable, Sendable {
    /// What kind of part matched.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case api
        case route
        case integration
        case authorizer
    }

    /// What kind of part matched.
    public let kind: Kind
    /// The part's id (the API's own id for ``Kind/api``).
    public let itemID: String
    /// What the part is known by: the route key, the integration's URI (or its type when it has
    /// none), the authorizer's name; the API's name for ``Kind/api``.
    public let text: String

    /// Creates a match.
    public init(kind: Kind, itemID: String, text: String) {
        self.kind = kind
        self.itemID = itemID
        self.text = text
    }
}
