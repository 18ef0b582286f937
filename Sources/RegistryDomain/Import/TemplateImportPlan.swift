/// What a template (CloudFormation's, or CDK's `cdk.out`) declares across the catalog: VPC links,
/// APIs with their parts, custom domain names and API mappings, referring to each other by key (the
/// template's logical IDs). An import applies all of it in one write.
public struct TemplateImportPlan: Sendable {
    /// The VPC links, made first (integrations connect through them).
    public var vpcLinks: [ImportedResource<VpcLinkInput>]
    /// The APIs, each with its parts.
    public var apis: [ImportedAPI]
    /// The custom domain names.
    public var domainNames: [ImportedResource<DomainNameInput>]
    /// The API mappings, made last.
    public var apiMappings: [ImportedAPIMapping]
    /// What the template holds that was not imported, or not as written.
    public var warnings: [String]

    /// Creates a plan.
    public init(
        vpcLinks: [ImportedResource<VpcLinkInput>] = [], apis: [ImportedAPI] = [],
        domainNames: [ImportedResource<DomainNameInput>] = [], apiMappings: [ImportedAPIMapping] = [],
        warnings: [String] = []
    ) {
        self.vpcLinks = vpcLinks
        self.apis = apis
        self.domainNames = domainNames
        self.apiMappings = apiMappings
        self.warnings = warnings
    }
}
