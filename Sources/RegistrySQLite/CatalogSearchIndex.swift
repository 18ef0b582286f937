import GRDB

/// Moves the documents the triggers of migration 0007 queued in `catalog_search_pending` into the
/// FTS5 index `catalog_search`, inside the transaction that queued them.
///
/// FTS5 writes its in-memory index out as a new segment at every savepoint, and every write runs
/// in one (its group commit savepoint and each statement's own): indexing from the triggers wrote
/// one segment per statement and tripled a route's cost in the writer (BENCHMARKS.md). Queued, a
/// group's documents go in with two statements, one segment, before its commit; a write that rolls
/// back its savepoint takes its queued documents with it.
enum CatalogSearchIndex {
    /// Removes every queued document's old version from the index and adds the new ones, then
    /// empties the queue. Does nothing when nothing is queued.
    /// - Throws: GRDB's error when a statement fails (the caller's transaction then rolls back).
    static func flush(_ db: Database) throws {
        let queued = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM catalog_search_pending)")
        guard try Bool.fetchOne(queued) == true else { return }
        try db.cachedStatement(
            sql: "DELETE FROM catalog_search WHERE rowid IN (SELECT doc FROM catalog_search_pending)"
        )
        .execute()
        try db.cachedStatement(
            sql: """
                INSERT INTO catalog_search (rowid, api_id, kind, item, body)
                SELECT doc, api_id, kind, item, body FROM catalog_search_pending WHERE body IS NOT NULL ORDER BY doc
                """
        ).execute()
        try db.cachedStatement(sql: "DELETE FROM catalog_search_pending").execute()
    }

    /// Whether the database has the index (a database migrated to version 7 or later).
    /// - Throws: GRDB's error when the schema cannot be read.
    static func exists(_ db: Database) throws -> Bool {
        try db.tableExists("catalog_search_pending")
    }
}
