/// What an import of a template made, each under the key (logical ID) the template gave it, and the
/// warnings the template gave.
public struct TemplateImportResult: Sendable {
    /// The APIs made, in the template's order.
    public var apis: [(key: String, api: API)]
    /// The VPC links made.
    public var vpcLinks: [(key: String, vpcLink: VpcLink)]
    /// The custom domain names made.
    public var domainNames: [(key: String, domainName: DomainName)]
    /// What was not imported, or not as written.
    public var warnings: [String]

    /// Creates a result.
    public init(
        apis: [(key: String, api: API)] = [], vpcLinks: [(key: String, vpcLink: VpcLink)] = [],
        domainNames: [(key: String, domainName: DomainName)] = [], warnings: [String] = []
    ) {
        self.apis = apis
        self.vpcLinks = vpcLinks
        self.domainNames = domainNames
        self.warnings = warnings
    }
}
