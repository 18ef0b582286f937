/// What a copy of the registry's database holds, as read by the checks the copy passed.
public struct BackupSummary: Hashable, Sendable, Codable {
    /// The newest migration the copy's ledger records.
    public var schemaVersion: Int
    /// The APIs in the copy.
    public var apis: Int
    /// The routes in the copy.
    public var routes: Int
    /// The integrations in the copy.
    public var integrations: Int
    /// The VPC links in the copy.
    public var vpcLinks: Int
    /// The custom domain names in the copy.
    public var domainNames: Int
    /// The change records (the history) in the copy.
    public var changeRecords: Int
    /// The copy's size in bytes.
    public var bytes: Int64

    /// Creates a summary.
    public init(
        schemaVersion: Int, apis: Int, routes: Int, integrations: Int, vpcLinks: Int, domainNames: Int,
        changeRecords: Int, bytes: Int64
    ) {
        self.schemaVersion = schemaVersion
        self.apis = apis
        self.routes = routes
        self.integrations = integrations
        self.vpcLinks = vpcLinks
        self.domainNames = domainNames
        self.changeRecords = changeRecords
        self.bytes = bytes
    }
}
