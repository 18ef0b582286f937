/// The result of `SELECT seq, id FROM apis …`: an API's place in creation order and its id.
enum APISequenceColumn: Int32, ResultColumn {
    /// The API's seq.
    case seq
    /// The API's id.
    case id
}
