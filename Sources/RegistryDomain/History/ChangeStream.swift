/// What a change record counts towards: the resource whose revisions it numbers.
///
/// An API's revisions count the changes to it and its children (routes, integrations, stages,
/// deployments, authorizers, models, route and integration responses, its tags); a VPC link and a
/// custom domain name (with its API mappings) each have their own.
public enum ChangeStream: Hashable, Sendable {
    /// An API and its children.
    case api(APIID)
    /// A VPC link and its tags.
    case vpcLink(VpcLinkID)
    /// A custom domain name, its tags and its API mappings.
    case domainName(DomainNameID)

    /// The stored form: the id or name itself (the three kinds cannot collide: an API id has ten
    /// characters, a VPC link id seven, a domain name a dot).
    public var rawValue: String {
        switch self {
        case .api(let id): id.rawValue
        case .vpcLink(let id): id.rawValue
        case .domainName(let name): name.rawValue
        }
    }

    /// The stream a stored ``rawValue`` names, told apart by its form; `nil` for none.
    public init?(stored text: String) {
        if text.utf8.count == APIID.generatedLength, let id = APIID(validating: text) {
            self = .api(id)
        } else if text.utf8.count == VpcLinkID.generatedLength, let id = VpcLinkID(validating: text) {
            self = .vpcLink(id)
        } else if let name = try? DomainNameID(validating: text) {
            self = .domainName(name)
        } else {
            return nil
        }
    }
}
