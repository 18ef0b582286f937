/// What a VPC link's page shows, read in one snapshot: the link and the private integrations
/// through it, with their routes.
public struct VpcLinkOverview: Sendable {
    /// The VPC link.
    public let vpcLink: VpcLink
    /// A page of its uses, newest API first.
    public let uses: Page<BackendUse>

    /// Creates an overview.
    public init(vpcLink: VpcLink, uses: Page<BackendUse>) {
        self.vpcLink = vpcLink
        self.uses = uses
    }
}
