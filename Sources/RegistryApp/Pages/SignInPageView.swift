import Mustache

/// The sign-in form (`/signin`).
struct SignInPageView {
    let chrome: PageChrome
    let next: String
    let open: Bool
    let error: String?

    /// The form, going on to `next` once signed in; `open` when the catalog needs no sign-in.
    init(next: String, open: Bool, error: String?) {
        chrome = PageChrome("Sign in", viewer: .anonymous)
        self.next = next
        self.open = open
        self.error = error
    }
}

extension SignInPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "next": self.next
        case "open": self.open
        case "error": self.error
        default: nil
        }
    }
}
