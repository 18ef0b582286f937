/// The result of a statement that selects one value per row (`SELECT count(*) …`, `SELECT id …`):
/// with one column there is no order to keep in step with the SQL.
enum SingleColumn: Int32, ResultColumn {
    /// The only column.
    case value
}
