/// One change record with the state of the resource it names right before and right after it.
public struct ChangeDetail: Hashable, Sendable {
    /// The record.
    public var change: Change
    /// The resource right before the change; `nil` where it did not exist (a create).
    public var before: ResourceState?
    /// The resource right after the change; `nil` where it no longer exists (a delete).
    public var after: ResourceState?

    /// Creates a detail.
    public init(change: Change, before: ResourceState?, after: ResourceState?) {
        self.change = change
        self.before = before
        self.after = after
    }
}
