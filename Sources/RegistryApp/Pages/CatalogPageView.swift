import Mustache
import RegistryDomain

/// The catalog page (`/`): the search form as it was filled in, one page of entries, and links
/// to the next page and back to the newest.
struct CatalogPageView {
    /// A protocol choice of the form.
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    /// One part of an API the search matched, linking to it on the API's page.
    struct Match {
        let kind: String
        let text: String
        let href: String
    }

    /// One API of the page.
    struct Entry {
        let apiID: String
        let name: String
        let href: String
        let protocolType: String
        let isWebSocket: Bool
        let description: String?
        let tags: [TagView]
        let hasTags: Bool
        let routeCount: Int
        let lastChange: ChangeView?
        let matches: [Match]
        let hasMatches: Bool
        let moreMatches: Int?
    }

    let chrome: PageChrome
    let q: String
    let tag: String
    let protocolOptions: [Option]
    let summary: String
    let entries: [Entry]
    let hasEntries: Bool
    let emptyMessage: String
    let partial: Bool
    let error: String?
    let nextHref: String?
    let firstHref: String?

    /// The page for a query as typed (`q`, `protocolType`, `tag`) and its result (`nil` when the
    /// query was refused with `error`); `paged` when this is not the first page.
    init(
        viewer: PageViewer, q: String, protocolType: String, tag: String, result: Page<CatalogEntry>?, error: String?,
        paged: Bool
    ) {
        chrome = PageChrome(q.isEmpty ? "Catalog" : "\(q) · Catalog", viewer: viewer)
        self.q = q
        self.tag = tag
        protocolOptions = [("", "Any"), ("HTTP", "HTTP"), ("WEBSOCKET", "WebSocket")].map {
            Option(value: $0.0, label: $0.1, selected: $0.0 == protocolType.uppercased())
        }
        self.error = error
        let searched = !q.isEmpty || !protocolType.isEmpty || !tag.isEmpty
        let entries = (result?.items ?? []).map { entry in
            let id = entry.api.id
            let tags = TagView.all(entry.api.tags)
            let matches = entry.matches.map { match in
                let anchor = match.kind == .api ? "" : "#\(match.kind.rawValue)-\(match.itemID)"
                return Match(
                    kind: match.kind == .api ? "API" : match.kind.rawValue, text: match.text,
                    href: "/apis/\(id.rawValue)\(anchor)")
            }
            return Entry(
                apiID: id.rawValue, name: entry.api.name, href: "/apis/\(id.rawValue)",
                protocolType: entry.api.protocolType.rawValue, isWebSocket: entry.api.protocolType == .websocket,
                description: entry.api.description.flatMap { $0.isEmpty ? nil : $0 }, tags: tags,
                hasTags: !tags.isEmpty,
                routeCount: entry.routeCount, lastChange: entry.lastChange.map { ChangeView($0, apiID: id) },
                matches: matches, hasMatches: !matches.isEmpty,
                moreMatches: entry.matchCount > matches.count ? entry.matchCount - matches.count : nil)
        }
        self.entries = entries
        hasEntries = !entries.isEmpty
        partial = entries.count < PagesEndpoints.catalogPageSize && result?.next != nil
        let filters: [(String, String?)] = [("q", q), ("protocolType", protocolType), ("tag", tag)]
        nextHref = result?.next.map { HTMLText.link("/", filters + [("nextToken", PageToken.encode($0))]) }
        firstHref = paged ? HTMLText.link("/", filters) : nil
        if error != nil {
            summary = "The search was refused."
        } else if searched {
            summary = entries.isEmpty ? "Nothing on this page matches." : "APIs matching, newest first."
        } else {
            summary = "Every API registered, newest first."
        }
        emptyMessage = searched ? "No API on this page matches." : "No API is registered yet."
    }
}

extension CatalogPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "q": self.q
        case "tag": self.tag
        case "protocolOptions": self.protocolOptions
        case "summary": self.summary
        case "entries": self.entries
        case "hasEntries": self.hasEntries
        case "emptyMessage": self.emptyMessage
        case "partial": self.partial
        case "error": self.error
        case "nextHref": self.nextHref
        case "firstHref": self.firstHref
        default: nil
        }
    }
}

extension CatalogPageView.Option: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "value": self.value
        case "label": self.label
        case "selected": self.selected
        default: nil
        }
    }
}

extension CatalogPageView.Match: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "kind": self.kind
        case "text": self.text
        case "href": self.href
        default: nil
        }
    }
}

extension CatalogPageView.Entry: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "apiID": self.apiID
        case "name": self.name
        case "href": self.href
        case "protocolType": self.protocolType
        case "isWebSocket": self.isWebSocket
        case "description": self.description
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "routeCount": self.routeCount
        case "lastChange": self.lastChange
        case "matches": self.matches
        case "hasMatches": self.hasMatches
        case "moreMatches": self.moreMatches
        default: nil
        }
    }
}
