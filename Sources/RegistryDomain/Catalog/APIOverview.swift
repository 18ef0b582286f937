/// What an API's page shows, read in one snapshot: everything about the API and its newest
/// change records.
public struct APIOverview: Sendable {
    /// The API and all its parts.
    public let snapshot: APISnapshot
    /// Its newest change records, newest first, and where older ones continue.
    public let revisions: Page<Change>

    /// Creates an overview.
    public init(snapshot: APISnapshot, revisions: Page<Change>) {
        self.snapshot = snapshot
        self.revisions = revisions
    }
}
