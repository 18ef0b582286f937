/// A VPC link (V2): the way HTTP APIs reach private ALBs, NLBs and Cloud Map services.
public struct VpcLink: Hashable, Sendable {
    /// The VPC link's identifier.
    public var id: VpcLinkID
    /// The VPC link's name, 1–128 characters.
    public var name: String
    /// The subnets the link's network interfaces live in (1–10).
    public var subnetIDs: [String]
    /// The security groups of the link's network interfaces.
    public var securityGroupIDs: [String]
    /// The VPC link's tags.
    public var tags: Tags
    /// When the VPC link was created.
    public var createdDate: Timestamp

    /// Creates a VPC link value; rules are checked by the use cases, not here.
    public init(
        id: VpcLinkID, name: String, subnetIDs: [String], securityGroupIDs: [String] = [], tags: Tags = [:],
        createdDate: Timestamp
    ) {
        self.id = id
        self.name = name
        self.subnetIDs = subnetIDs
        self.securityGroupIDs = securityGroupIDs
        self.tags = tags
        self.createdDate = createdDate
    }
}
