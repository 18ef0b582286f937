/// How many of each kind of entity the catalog holds: the gauges an operator watches.
public struct CatalogCounts: Hashable, Sendable {
    /// APIs.
    public var apis: Int
    /// Routes, across every API.
    public var routes: Int
    /// Integrations, across every API.
    public var integrations: Int
    /// VPC links.
    public var vpcLinks: Int
    /// Custom domain names.
    public var domainNames: Int
    /// Change records (the history).
    public var changeRecords: Int

    /// Creates counts.
    public init(apis: Int, routes: Int, integrations: Int, vpcLinks: Int, domainNames: Int, changeRecords: Int) {
        self.apis = apis
        self.routes = routes
        self.integrations = integrations
        self.vpcLinks = vpcLinks
        self.domainNames = domainNames
        self.changeRecords = changeRecords
    }
}
