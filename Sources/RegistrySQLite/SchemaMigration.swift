import Crypto

/// One numbered, append-only schema change (`migrations/NNNN_name.sql`).
public struct SchemaMigration: Sendable, Hashable {
    /// The migration's number; migrations apply in ascending order.
    public let version: Int
    /// The name part of the file name.
    public let name: String
    /// The SQL text, executed in one transaction.
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The hex SHA-256 of the SQL text, recorded in the ledger so that an edited migration is noticed.
    public var checksum: String {
        SHA256.hash(data: Array(sql.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
