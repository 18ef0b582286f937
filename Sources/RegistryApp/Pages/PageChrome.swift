import Mustache

/// What every page's header shows: its title and who is signed in.
struct PageChrome {
    /// The page's title.
    let title: String
    /// The signed-in principal's name, or `nil` when the catalog is open.
    let principal: String?
    /// The signed-in principal's role.
    let role: String?

    /// The chrome of a page titled `title` for `viewer`.
    init(_ title: String, viewer: PageViewer) {
        self.title = title
        principal = viewer.principal
        role = viewer.role
    }
}

extension PageChrome: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "principal": self.principal
        case "role": self.role
        default: nil
        }
    }
}
