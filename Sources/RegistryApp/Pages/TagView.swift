import Mustache

/// A tag as the pages show it, linking to the catalog filtered by it.
struct TagView {
    let key: String
    let value: String
    let href: String

    /// The views of `tags`, sorted by key.
    static func all(_ tags: [String: String]) -> [TagView] {
        tags.sorted { $0.key < $1.key }.map {
            TagView(key: $0.key, value: $0.value, href: HTMLText.link("/", [("tag", "\($0.key):\($0.value)")]))
        }
    }
}

extension TagView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "key": self.key
        case "value": self.value
        case "href": self.href
        default: nil
        }
    }
}
