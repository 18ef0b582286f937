/// A resource that carries tags, named on the wire by its ARN.
public enum TaggedResource: Hashable, Sendable {
    /// An API: `arn:aws:apigateway:{region}::/apis/{apiId}`.
    case api(APIID)
    /// A stage: `arn:aws:apigateway:{region}::/apis/{apiId}/stages/{stageName}`.
    case stage(APIID, StageName)
    /// A VPC link: `arn:aws:apigateway:{region}::/vpclinks/{vpcLinkId}`.
    case vpcLink(VpcLinkID)
    /// A custom domain name: `arn:aws:apigateway:{region}::/domainnames/{domainName}`.
    case domainName(DomainNameID)

    /// Parses a resource ARN from the tags API.
    /// - Throws: ``RegistryError/Code/badRequest`` if the ARN names no taggable resource.
    public init(arn text: String) throws(RegistryError) {
        guard let arn = AmazonResourceName(text), arn.service == "apigateway", arn.account.isEmpty,
            arn.resource.hasPrefix("/")
        else { throw .badRequest("Invalid resource ARN '\(text.prefix(300))'.") }
        let parts = arn.resource.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 2 where parts[0] == "apis":
            guard let id = APIID(validating: parts[1]) else { break }
            self = .api(id)
            return
        case 2 where parts[0] == "domainnames":
            guard let name = try? DomainNameID(validating: String(parts[1])) else { break }
            self = .domainName(name)
            return
        case 2 where parts[0] == "vpclinks":
            guard let id = VpcLinkID(validating: parts[1]) else { break }
            self = .vpcLink(id)
            return
        case 4 where parts[0] == "apis" && parts[2] == "stages":
            guard let id = APIID(validating: parts[1]), let stage = try? StageName(validating: String(parts[3]))
            else { break }
            self = .stage(id, stage)
            return
        default:
            break
        }
        throw .badRequest(
            "Invalid resource ARN '\(text.prefix(300))': it names no API, stage, VPC link or domain name.")
    }

    /// The resource's ARN in `region`.
    public func arn(region: String) -> String {
        switch self {
        case .api(let id): "arn:aws:apigateway:\(region)::/apis/\(id.rawValue)"
        case .stage(let id, let name): "arn:aws:apigateway:\(region)::/apis/\(id.rawValue)/stages/\(name.rawValue)"
        case .vpcLink(let id): "arn:aws:apigateway:\(region)::/vpclinks/\(id.rawValue)"
        case .domainName(let name): "arn:aws:apigateway:\(region)::/domainnames/\(name.rawValue)"
        }
    }
}
