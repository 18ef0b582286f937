/// Which paths are the web pages, and which of them anyone may load without signing in.
enum PagePaths {
    /// Whether `path` is one of the catalog's pages (a browser there is sent to sign in).
    static func isPage(_ path: String) -> Bool {
        path == "/" || path == "/backends" || path.hasPrefix("/apis/") || path.hasPrefix("/vpclinks/")
            || path.hasPrefix("/domainnames/")
    }

    /// Whether `path` is served without a principal: the sign-in form and what it needs.
    static func isPublic(_ path: String) -> Bool {
        path == "/signin" || path == "/signout" || path == "/static/site.css" || path == "/static/favicon.svg"
    }
}
