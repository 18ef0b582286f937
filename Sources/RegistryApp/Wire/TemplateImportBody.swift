import RegistryDomain

/// The wire form of a template import's answer: what it made, each with the logical ID the
/// template gave it, and the template's `warnings` (always present, empty when there were none).
struct TemplateImportBody: Encodable {
    /// An API made.
    struct MadeAPI: Encodable {
        let apiId: String
        let logicalId: String
        let name: String
        let protocolType: String
    }

    /// A VPC link made.
    struct MadeVpcLink: Encodable {
        let logicalId: String
        let name: String
        let vpcLinkId: String
    }

    /// A custom domain name made.
    struct MadeDomainName: Encodable {
        let domainName: String
        let logicalId: String
    }

    let apis: [MadeAPI]
    let domainNames: [MadeDomainName]
    let vpcLinks: [MadeVpcLink]
    let warnings: [String]

    /// The wire form of `result`.
    init(_ result: TemplateImportResult) {
        apis = result.apis.map { key, api in
            MadeAPI(apiId: api.id.rawValue, logicalId: key, name: api.name, protocolType: api.protocolType.rawValue)
        }
        vpcLinks = result.vpcLinks.map { key, link in
            MadeVpcLink(logicalId: key, name: link.name, vpcLinkId: link.id.rawValue)
        }
        domainNames = result.domainNames.map { key, domainName in
            MadeDomainName(domainName: domainName.name.rawValue, logicalId: key)
        }
        warnings = result.warnings
    }
}
