import RegistryDomain
import Synchronization

/// What one write has recorded: one change per stream it changes, in the order recorded. The store
/// refuses a write that ends without a record (see ``SQLiteRegistryStore/write(_:)``), and a second
/// record of one stream in one write.
final class ChangeJournal: Sendable {
    private let changes = Mutex<[(sequence: Int64, stream: ChangeStream)]>([])

    /// The sequence numbers and streams of the changes this write recorded, in order.
    var recorded: [(sequence: Int64, stream: ChangeStream)] { changes.withLock { $0 } }

    /// Whether this write has recorded a change of `stream`.
    func hasRecorded(_ stream: ChangeStream) -> Bool { changes.withLock { $0.contains { $0.stream == stream } } }

    /// Notes one of the write's changes.
    func note(_ sequence: Int64, stream: ChangeStream) { changes.withLock { $0.append((sequence, stream)) } }
}
