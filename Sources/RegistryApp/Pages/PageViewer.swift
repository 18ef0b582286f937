/// Who is looking at a page: the signed-in principal and role, or nobody (an open catalog).
struct PageViewer: Sendable {
    /// The principal's name.
    let principal: String?
    /// The principal's role.
    let role: String?

    /// Nobody signed in.
    static let anonymous = PageViewer(principal: nil, role: nil)
}
