import GRDB
import RegistryDomain

extension RegistryError {
    /// The store's one translation of its own failures into the registry's vocabulary, applied
    /// where a GRDB or SQLite call returns to the store port; a ``RegistryError`` passes unchanged.
    ///
    /// A constraint the schema enforces (the second line of defence behind the domain rules) is a
    /// conflict or a bad request; a database that cannot be written right now (read-only file, full
    /// disk, I/O error, lock) is ``Code/serviceUnavailable``; anything else is
    /// ``Code/internalFailure``, whose message reaches the log only.
    init(storageFailure error: any Error) {
        if let error = error as? RegistryError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(.internalFailure, "Unexpected storage failure: \(type(of: error)): \(error).")
            return
        }
        let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_CONSTRAINT:
            switch error.extendedResultCode {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_FOREIGNKEY:
                self = .conflict("The registry refused the change: \(detail).")
            // SQLite enforces ON DELETE RESTRICT through an internal trigger, so deleting a row that
            // another row still references fails with SQLITE_CONSTRAINT_TRIGGER and this message.
            case .SQLITE_CONSTRAINT_TRIGGER where error.message == "FOREIGN KEY constraint failed":
                self = .conflict("The registry refused the change: \(detail).")
            default:
                self = .badRequest("The registry refused the change: \(detail).")
            }
        case .SQLITE_READONLY:
            self.init(
                .serviceUnavailable,
                "The registry database is read-only (\(detail)); writes are refused until it is writable again. "
                    + "Reads keep working.")
        case .SQLITE_FULL:
            self.init(
                .serviceUnavailable,
                "The disk holding the registry database is full (\(detail)); writes are refused until space is "
                    + "freed. Reads keep working.")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_BUSY, .SQLITE_LOCKED,
            .SQLITE_PERM, .SQLITE_NOTADB, .SQLITE_CORRUPT:
            self.init(.serviceUnavailable, "The registry database cannot be used right now: \(detail).")
        default:
            self.init(.internalFailure, "Storage failure: \(detail).")
        }
    }
}
