/// What one revision of an API did: its change record and the API right before and right after
/// it (either is `nil` where the API did not exist), with the API's newest revision number.
public struct RevisionStory: Sendable {
    /// The change that made the revision.
    public let change: Change
    /// The API as it stood before the change, or `nil` (before its create).
    public let before: APISnapshot?
    /// The API as it stood after the change, or `nil` (its DeleteApi).
    public let after: APISnapshot?
    /// The API's newest revision.
    public let latestRevision: Int

    /// Creates a story.
    public init(change: Change, before: APISnapshot?, after: APISnapshot?, latestRevision: Int) {
        self.change = change
        self.before = before
        self.after = after
        self.latestRevision = latestRevision
    }

    /// The API's name after the change, else before it, else its id.
    public var apiName: String { after?.api.name ?? before?.api.name ?? change.resourceID }
}
