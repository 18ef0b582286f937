import RegistryDomain

/// The `changes` table's columns (the append-only change log), and what each stores of a
/// ``Change``. Rows are only inserted: migration 0006's triggers refuse updates and deletes, and a
/// revision that is not the stream's next.
enum ChangeColumn: Int32, SequencedTableColumn {
    case seq
    case createdMs
    case principal
    case requestId
    case operation
    case resourceType
    case resourceId
    case stream
    case revision

    static let table = "changes"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.stream, .revision]

    func value(in change: Change) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("changes.seq is assigned by SQLite")
        case .createdMs: change.createdDate.millisecondsSinceEpoch
        case .principal: change.principal
        case .requestId: change.requestID
        case .operation: change.operation
        case .resourceType: change.resourceType
        case .resourceId: change.resourceID
        case .stream: change.stream.rawValue
        case .revision: Int64(change.revision)
        }
    }
}
