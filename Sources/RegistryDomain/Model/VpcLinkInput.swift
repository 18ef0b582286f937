/// The members of a CreateVpcLink or UpdateVpcLink request; `nil` means "not given".
public struct VpcLinkInput: Sendable, Decodable {
    /// The request member `name`; `nil` when the request does not give it.
    public var name: String?
    /// On create only.
    public var subnetIds: [String]?
    /// On create only.
    public var securityGroupIds: [String]?
    /// On create only.
    public var tags: Tags?

    /// Creates an input; every member is optional.
    public init(name: String? = nil, subnetIds: [String]? = nil, securityGroupIds: [String]? = nil, tags: Tags? = nil) {
        self.name = name
        self.subnetIds = subnetIds
        self.securityGroupIds = securityGroupIds
        self.tags = tags
    }
}
