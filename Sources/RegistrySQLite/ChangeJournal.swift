import RegistryDomain
import Synchronization

/// What one write has recorded: the store refuses a write that ends without its change record
/// (see ``SQLiteRegistryStore/write(_:)``), and a second record in one write.
final class ChangeJournal: Sendable {
    private let change = Mutex<(sequence: Int64, stream: ChangeStream)?>(nil)

    /// The sequence number and stream of the change this write recorded, if it has.
    var recorded: (sequence: Int64, stream: ChangeStream)? { change.withLock { $0 } }

    /// Notes the write's change.
    func note(_ sequence: Int64, stream: ChangeStream) { change.withLock { $0 = (sequence, stream) } }
}
