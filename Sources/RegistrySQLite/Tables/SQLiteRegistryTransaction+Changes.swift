import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let insertChange = """
        INSERT INTO changes (created_ms, principal, request_id, operation, resource_type, resource_id, stream, revision)
        VALUES (?, ?, ?, ?, ?, ?, ?7, (SELECT coalesce(max(revision), 0) + 1 FROM changes WHERE stream = ?7))
        """
    private static let selectChanges = ChangeColumn.statements.select
    private static let selectChange = ChangeColumn.statements.select + " WHERE stream = ? AND revision = ?"
    private static let selectChangeBySequence = ChangeColumn.statements.select + " WHERE seq = ?"
    private static let selectLatestChange =
        ChangeColumn.statements.select + " WHERE stream = ? ORDER BY revision DESC LIMIT 1"

    private func decodeChange(_ row: StatementRow<ChangeColumn>) throws(RegistryError) -> Change {
        let stored: String = row[.stream]
        guard let stream = ChangeStream(stored: stored) else {
            throw RegistryError(.internalFailure, "A change record names the unknown stream '\(stored)'.")
        }
        return Change(
            sequence: row[.seq], stream: stream, revision: row[.revision],
            createdDate: Timestamp(millisecondsSinceEpoch: row[.createdMs]), principal: row[.principal],
            requestID: row[.requestId], operation: row[.operation], resourceType: row[.resourceType],
            resourceID: row[.resourceId])
    }

    func record(_ record: ChangeRecord) throws(RegistryError) {
        guard let journal else {
            throw RegistryError(.internalFailure, "A change was recorded outside a write.")
        }
        guard !journal.hasRecorded(record.stream) else {
            throw RegistryError(
                .internalFailure, "A write recorded a second change of one stream (\(record.operation)).")
        }
        // One statement, the stream's next revision computed in it: the record is on every write's
        // path, through the serial writer.
        try execute(
            Self.insertChange,
            [
                record.date.millisecondsSinceEpoch, origin.principal, origin.requestID, record.operation,
                record.resourceType.rawValue, record.resourceID, record.stream.rawValue,
            ])
        journal.note(db.lastInsertedRowID, stream: record.stream)
    }

    func changes(in stream: ChangeStream, _ page: PageRequest) throws(RegistryError) -> Page<Change> {
        try newestFirst(Self.selectChanges + " WHERE stream = ?", [stream.rawValue], page)
    }

    func changes(_ filter: ChangeFilter, _ page: PageRequest) throws(RegistryError) -> Page<Change> {
        var sql = Self.selectChanges + " WHERE 1"
        var arguments: SQLArguments = []
        if let principal = filter.principal {
            sql += " AND principal = ?"
            arguments += [principal]
        }
        if let resourceType = filter.resourceType {
            sql += " AND resource_type = ?"
            arguments += [resourceType.rawValue]
        }
        if let since = filter.since {
            sql += " AND created_ms >= ?"
            arguments += [since.millisecondsSinceEpoch]
        }
        return try newestFirst(sql, arguments, page)
    }

    func change(revision: Int, of stream: ChangeStream) throws(RegistryError) -> Change? {
        try one(Self.selectChange, [stream.rawValue, revision], decode: decodeChange)
    }

    func latestChange(of stream: ChangeStream) throws(RegistryError) -> Change? {
        try one(Self.selectLatestChange, [stream.rawValue], decode: decodeChange)
    }

    func change(sequence: Int64) throws(RegistryError) -> Change? {
        try one(Self.selectChangeBySequence, [sequence], decode: decodeChange)
    }

    /// One page of change records, newest first: `sql` is the SELECT ending in a WHERE clause, the
    /// cursor is the sequence number of the last record already returned.
    private func newestFirst(
        _ sql: String, _ arguments: SQLArguments, _ request: PageRequest
    ) throws(RegistryError) -> Page<Change> {
        var all = arguments
        all += [request.after?.lastSequence ?? Int64.max, request.maxResults + 1]
        var items = try self.all(sql + " AND seq < ? ORDER BY seq DESC LIMIT ?", all, decode: decodeChange)
        guard items.count > request.maxResults else { return Page(items: items, next: nil) }
        items.removeLast()
        return Page(items: items, next: PageCursor(lastSequence: items[items.count - 1].sequence))
    }
}
