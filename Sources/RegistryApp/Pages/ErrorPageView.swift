import Mustache
import RegistryDomain

/// A page that could not be shown: not found, refused, or unavailable, said plainly.
struct ErrorPageView {
    let chrome: PageChrome
    let heading: String
    let message: String

    /// The page for `error`.
    init(_ error: RegistryError, viewer: PageViewer) {
        switch error.code {
        case .notFound: heading = "Not found"
        case .badRequest: heading = "That request was refused"
        case .serviceUnavailable: heading = "The registry is unavailable"
        default: heading = "Something went wrong"
        }
        chrome = PageChrome(heading, viewer: viewer)
        message = error.message
    }
}

extension ErrorPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "heading": self.heading
        case "message": self.message
        default: nil
        }
    }
}
