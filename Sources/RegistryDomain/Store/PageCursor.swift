/// A position in a list: the storage sequence number of the last item already returned.
///
/// Lists are ordered by creation, and the cursor is a key, not an offset, so items created
/// while a caller pages never make it see an item twice or skip one that existed when it started.
public struct PageCursor: Hashable, Sendable {
    /// The sequence number of the last item returned.
    public let lastSequence: Int64

    /// Creates a cursor after the item with sequence number `lastSequence`.
    public init(lastSequence: Int64) { self.lastSequence = lastSequence }
}
