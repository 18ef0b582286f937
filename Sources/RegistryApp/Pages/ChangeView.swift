import Mustache
import RegistryDomain

/// A change record as the pages show it, linking to the revision's page.
struct ChangeView {
    let revision: Int
    let operation: String
    let resource: String
    let principal: String
    let iso: String
    let when: String
    let href: String

    /// The view of `change`, a revision of API `apiID`.
    init(_ change: Change, apiID: APIID) {
        revision = change.revision
        operation = change.operation
        resource = "\(change.resourceType) \(change.resourceID)"
        principal = change.principal
        let time = PageTime(change.createdDate)
        iso = time.iso
        when = time.when
        href = "/apis/\(apiID.rawValue)/revisions/\(change.revision)"
    }
}

extension ChangeView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "revision": self.revision
        case "operation": self.operation
        case "resource": self.resource
        case "principal": self.principal
        case "iso": self.iso
        case "when": self.when
        case "href": self.href
        default: nil
        }
    }
}
