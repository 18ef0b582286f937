import RegistryDomain

/// The wire form of a VPC link; registry VPC links are always `AVAILABLE`, version `V2`.
struct VpcLinkBody: Encodable {
    let createdDate: String
    let name: String
    let securityGroupIds: [String]
    let subnetIds: [String]
    let tags: Tags
    let vpcLinkId: String
    let vpcLinkStatus: String
    let vpcLinkStatusMessage: String
    let vpcLinkVersion: String

    /// The wire form of `link`.
    init(_ link: VpcLink) {
        createdDate = link.createdDate.iso8601
        name = link.name
        securityGroupIds = link.securityGroupIDs
        subnetIds = link.subnetIDs
        tags = link.tags
        vpcLinkId = link.id.rawValue
        vpcLinkStatus = "AVAILABLE"
        vpcLinkStatusMessage = "VPC link is ready to route traffic"
        vpcLinkVersion = "V2"
    }
}
