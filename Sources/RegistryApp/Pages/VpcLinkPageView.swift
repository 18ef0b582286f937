import Mustache
import RegistryDomain

/// A VPC link's page (`/vpclinks/{vpcLinkId}`): the link and the private integrations through it.
struct VpcLinkPageView {
    let chrome: PageChrome
    let vpcLinkID: String
    let name: String
    let subnets: [String]
    let securityGroups: [String]
    let created: String
    let createdISO: String
    let tags: [TagView]
    let hasTags: Bool
    let useSummary: String
    let uses: [BackendUseView]
    let hasUses: Bool
    let emptyMessage: String
    let partial: Bool
    let nextHref: String?
    let firstHref: String?

    /// The page of `overview`; `paged` when this is not the first page of uses.
    init(_ overview: VpcLinkOverview, viewer: PageViewer, paged: Bool) {
        let link = overview.vpcLink
        chrome = PageChrome("\(link.name) · VPC link", viewer: viewer)
        vpcLinkID = link.id.rawValue
        name = link.name
        subnets = link.subnetIDs
        securityGroups = link.securityGroupIDs
        let time = PageTime(link.createdDate)
        created = time.when
        createdISO = time.iso
        tags = link.tags.sorted { $0.key < $1.key }.map { TagView(key: $0.key, value: $0.value, href: "") }
        hasTags = !tags.isEmpty
        let uses = overview.uses.items.map(BackendUseView.init)
        self.uses = uses
        hasUses = !uses.isEmpty
        let apis = Set(uses.map(\.apiID)).count
        useSummary = "\(uses.count) integration\(uses.count == 1 ? "" : "s") in \(apis) API\(apis == 1 ? "" : "s")"
        emptyMessage = "No integration goes through this VPC link."
        partial = overview.uses.next != nil && uses.count < PagesEndpoints.usesPageSize
        let path = "/vpclinks/\(link.id.rawValue)"
        nextHref = overview.uses.next.map { HTMLText.link(path, [("nextToken", PageToken.encode($0))]) }
        firstHref = paged ? path : nil
    }
}

extension VpcLinkPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "vpcLinkID": self.vpcLinkID
        case "name": self.name
        case "subnets": self.subnets
        case "securityGroups": self.securityGroups
        case "created": self.created
        case "createdISO": self.createdISO
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "useSummary": self.useSummary
        case "uses": self.uses
        case "hasUses": self.hasUses
        case "emptyMessage": self.emptyMessage
        case "partial": self.partial
        case "nextHref": self.nextHref
        case "firstHref": self.firstHref
        default: nil
        }
    }
}
