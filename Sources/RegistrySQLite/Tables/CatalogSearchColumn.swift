/// The result of a catalog search over `catalog_search` (migration 0007): a document's place and what
/// it says.
enum CatalogSearchColumn: Int32, ResultColumn {
    /// The document's rowid: the API's seq in the high 32 bits.
    case rowid
    /// The API's id.
    case apiID
    /// `api`, `route`, `integration` or `authorizer`.
    case kind
    /// The indexed entity's id.
    case item
    /// The indexed text; its first line names the entity (for an API, its id; the second line is
    /// its name).
    case body
}
