/// How the statements built for a table (``TableStatements``) use one of its columns.
enum ColumnRole: Sendable {
    /// Assigned by SQLite (the `seq` rowid that orders pages): selected, never written.
    case generated
    /// Part of the row's identity: inserted, and the `WHERE` clause of its update; never changed.
    case key
    /// Written once, by the insert (a creation time, a VPC link's subnets).
    case immutable
    /// Written by the insert and by every update.
    case mutable
}
