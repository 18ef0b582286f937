/// One document of the catalog's search index: which part of which API it describes.
public struct CatalogDocument: Hashable, Sendable {
    /// The API the part belongs to.
    public let apiID: APIID
    /// What kind of part it is.
    public let kind: CatalogMatch.Kind
    /// The part's id.
    public let itemID: String

    /// Creates a document reference.
    public init(apiID: APIID, kind: CatalogMatch.Kind, itemID: String) {
        self.apiID = apiID
        self.kind = kind
        self.itemID = itemID
    }
}
