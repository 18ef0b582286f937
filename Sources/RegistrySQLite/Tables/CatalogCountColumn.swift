/// The result of the catalog counts' statement: one count per column, in this order.
enum CatalogCountColumn: Int32, ResultColumn {
    /// APIs.
    case apis
    /// Routes.
    case routes
    /// Integrations.
    case integrations
    /// VPC links.
    case vpcLinks
    /// Custom domain names.
    case domainNames
    /// Change records.
    case changeRecords
}
