/// A tag table: the owner's key columns, then the tag's `key` and `value` (the owner and key are
/// the primary key).
protocol TagTableColumn: TableColumn {
    /// The tag's key.
    static var key: Self { get }
    /// The tag's value.
    static var value: Self { get }
}
