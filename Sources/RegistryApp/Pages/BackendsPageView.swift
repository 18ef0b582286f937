import Mustache
import RegistryDomain

/// The reverse lookup's page (`/backends?target=…`) and, with its link, a VPC link's page: a page
/// of uses and how to go on.
struct BackendsPageView {
    let chrome: PageChrome
    let target: String
    let hasTarget: Bool
    let targetKind: String
    let useSummary: String
    let uses: [BackendUseView]
    let hasUses: Bool
    let emptyMessage: String
    let partial: Bool
    let error: String?
    let nextHref: String?
    let firstHref: String?

    /// The page for `target` as typed and its uses (`nil` before a lookup or when refused with
    /// `error`); `paged` when this is not the first page.
    init(
        viewer: PageViewer, target: String, parsed: BackendTarget?, result: Page<BackendUse>?, error: String?,
        paged: Bool
    ) {
        chrome = PageChrome(target.isEmpty ? "Backends" : "\(target) · Backends", viewer: viewer)
        self.target = target
        hasTarget = parsed != nil && result != nil
        switch parsed?.kind {
        case .vpcLink: targetKind = "VPC link"
        case .lambdaFunction: targetKind = "Lambda function"
        case .uri, nil: targetKind = "Backend"
        }
        let uses = (result?.items ?? []).map(BackendUseView.init)
        self.uses = uses
        hasUses = !uses.isEmpty
        let routes = uses.reduce(0) { $0 + $1.routes.count }
        let apis = Set(uses.map(\.apiID)).count
        useSummary = "\(apis) API\(apis == 1 ? "" : "s"), \(routes) route\(routes == 1 ? "" : "s") on this page"
        emptyMessage = "Nothing registered reaches it."
        partial = result?.next != nil && uses.count < PagesEndpoints.usesPageSize
        self.error = error
        nextHref = result?.next.map {
            HTMLText.link("/backends", [("target", target), ("nextToken", PageToken.encode($0))])
        }
        firstHref = paged ? HTMLText.link("/backends", [("target", target)]) : nil
    }
}

extension BackendsPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "target": self.target
        case "hasTarget": self.hasTarget
        case "targetKind": self.targetKind
        case "useSummary": self.useSummary
        case "uses": self.uses
        case "hasUses": self.hasUses
        case "emptyMessage": self.emptyMessage
        case "partial": self.partial
        case "error": self.error
        case "nextHref": self.nextHref
        case "firstHref": self.firstHref
        default: nil
        }
    }
}
