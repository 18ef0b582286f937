import Mustache
import RegistryDomain

/// An API's whole history, a page at a time (`/apis/{apiId}/revisions`).
struct RevisionsPageView {
    let chrome: PageChrome
    let apiName: String
    let apiHref: String
    let revisions: [ChangeView]
    let olderHref: String?

    /// The page of `changes` of the API.
    init(_ changes: Page<Change>, apiID: APIID, apiName: String, viewer: PageViewer) {
        chrome = PageChrome("History of \(apiName)", viewer: viewer)
        self.apiName = apiName
        apiHref = "/apis/\(apiID.rawValue)"
        revisions = changes.items.map { ChangeView($0, apiID: apiID) }
        olderHref = changes.next.map {
            HTMLText.link("/apis/\(apiID.rawValue)/revisions", [("nextToken", PageToken.encode($0))])
        }
    }
}

extension RevisionsPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "apiName": self.apiName
        case "apiHref": self.apiHref
        case "revisions": self.revisions
        case "olderHref": self.olderHref
        default: nil
        }
    }
}
