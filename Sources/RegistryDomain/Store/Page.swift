/// One page of a list, and where the next one starts.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page, in creation order.
    public var items: [Item]
    /// The cursor for the next page, or `nil` if this is the last one.
    public var next: PageCursor?

    /// Creates a page.
    public init(items: [Item], next: PageCursor?) {
        self.items = items
        self.next = next
    }
}
