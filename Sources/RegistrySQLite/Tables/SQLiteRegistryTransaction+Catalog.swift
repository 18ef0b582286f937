import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    /// The most index documents one page of a search reads. A search whose filters or words leave
    /// most documents out would otherwise read the whole index to fill a page; past this it
    /// answers the APIs found so far and a cursor to go on from (measured: about 2 µs a document,
    /// so a page costs at most some 20 ms at any catalog size).
    static let searchBudget = 10_000

    /// The documents matching an FTS5 expression below a rowid, newest API first: what both the
    /// search and the reverse lookup read.
    private static let selectMatching = """
        SELECT rowid, api_id, kind, item, body FROM catalog_search
        WHERE catalog_search MATCH ? AND rowid < ? ORDER BY rowid DESC
        """

    func catalogCounts() throws(RegistryError) -> CatalogCounts {
        // One statement, one pass each over the narrowest index of every table (SQLite counts a
        // table through its smallest index).
        let sql = """
            SELECT (SELECT count(*) FROM apis), (SELECT count(*) FROM routes), (SELECT count(*) FROM integrations),
                   (SELECT count(*) FROM vpc_links), (SELECT count(*) FROM domain_names), (SELECT count(*) FROM changes)
            """
        let counts = try one(sql, []) { (row: StatementRow<CatalogCountColumn>) in
            CatalogCounts(
                apis: row[.apis], routes: row[.routes], integrations: row[.integrations], vpcLinks: row[.vpcLinks],
                domainNames: row[.domainNames], changeRecords: row[.changeRecords])
        }
        return counts
            ?? CatalogCounts(apis: 0, routes: 0, integrations: 0, vpcLinks: 0, domainNames: 0, changeRecords: 0)
    }

    func catalog(_ query: CatalogQuery, _ page: PageRequest) throws(RegistryError) -> Page<CatalogHit> {
        query.isSearch ? try search(query, page) : try list(query, page)
    }

    /// The catalog without words: APIs newest first, filtered, by their seq.
    private func list(_ query: CatalogQuery, _ page: PageRequest) throws(RegistryError) -> Page<CatalogHit> {
        var sql = "SELECT seq, id FROM apis WHERE seq < ?"
        var arguments: SQLArguments = [page.after?.lastSequence ?? Int64.max]
        if let protocolType = query.protocolType {
            sql += " AND protocol_type = ?"
            arguments += [protocolType.rawValue]
        }
        if let tag = query.tag {
            sql += " AND id IN (SELECT api_id FROM api_tags WHERE key = ? AND value = ?)"
            arguments += [tag.key, tag.value]
        }
        arguments += [page.maxResults + 1]
        var rows = try all(sql + " ORDER BY seq DESC LIMIT ?", arguments) {
            (row: StatementRow<APISequenceColumn>) in (sequence: row[.seq] as Int64, id: row[.id] as String)
        }
        var next: PageCursor?
        if rows.count > page.maxResults {
            rows.removeLast()
            next = PageCursor(lastSequence: rows[rows.count - 1].sequence)
        }
        return Page(items: rows.map { CatalogHit(apiID: APIID(uncheckedRawValue: $0.id)) }, next: next)
    }

    /// The catalog's search: index documents matching every word, newest API first by rowid (one
    /// API's documents are adjacent), grouped by API; the cursor is an API seq the next page
    /// starts below.
    private func search(_ query: CatalogQuery, _ page: PageRequest) throws(RegistryError) -> Page<CatalogHit> {
        let below = page.after?.lastSequence ?? Int64(Int32.max)
        let arguments: SQLArguments = [Self.matchExpression(query.words), below << 32]
        // Filters are checked once per API in Swift rather than joined in the SQL, so that the
        // documents they leave out count towards the budget too. They look the API up by the seq the
        // rowid carries: a document left out is never read beyond its rowid (FTS5 reads a row's
        // columns only when asked for one).
        var filterSQL = "SELECT count(*) FROM apis WHERE seq = ?"
        var filterArguments: SQLArguments = []
        if let protocolType = query.protocolType {
            filterSQL += " AND protocol_type = ?"
            filterArguments += [protocolType.rawValue]
        }
        if let tag = query.tag {
            filterSQL += " AND EXISTS (SELECT 1 FROM api_tags WHERE api_id = apis.id AND key = ? AND value = ?)"
            filterArguments += [tag.key, tag.value]
        }
        let filters = query.protocolType != nil || query.tag != nil
        var skipped: Int64?

        var hits: [(sequence: Int64, hit: CatalogHit)] = []
        var current: (sequence: Int64, id: String, matches: [CatalogMatch], count: Int)?
        var read = 0
        func close() {
            guard let found = current else { return }
            // Read newest kind first (rowid order); shown the API first, then routes, integrations,
            // authorizers, each oldest first.
            let order = CatalogMatch.Kind.allCases
            let matches = found.matches.reversed().enumerated().sorted {
                (order.firstIndex(of: $0.element.kind)!, $0.offset) < (
                    order.firstIndex(of: $1.element.kind)!, $1.offset
                )
            }.map(\.element)
            hits.append(
                (
                    found.sequence,
                    CatalogHit(apiID: APIID(uncheckedRawValue: found.id), matches: matches, matchCount: found.count)
                ))
            current = nil
        }
        do {
            let rows = try DecodingCursor(statement(Self.selectMatching), arguments: arguments) {
                (row: StatementRow<CatalogSearchColumn>) in row
            }
            while let row = try rows.next() {
                read += 1
                let sequence = (row[.rowid] as Int64) >> 32
                if sequence != current?.sequence && sequence != skipped {
                    close()
                    if hits.count == page.maxResults {
                        return Page(
                            items: hits.map(\.hit), next: PageCursor(lastSequence: hits[hits.count - 1].sequence))
                    }
                    var arguments: SQLArguments = [sequence]
                    arguments += filterArguments
                    if filters, try count(filterSQL, arguments) == 0 {
                        skipped = sequence
                    } else {
                        skipped = nil
                        current = (sequence, row[.apiID], [], 0)
                    }
                }
                if sequence != skipped {
                    current?.count += 1
                    if let count = current?.matches.count, count < CatalogHit.maximumMatches {
                        current?.matches.append(Self.match(row))
                    }
                }
                if read == Self.searchBudget {
                    // The API being read is listed with what matched so far; the next page starts
                    // below it (its remaining documents are not worth a second visit).
                    let resume = sequence
                    close()
                    return Page(items: hits.map(\.hit), next: resume > 1 ? PageCursor(lastSequence: resume) : nil)
                }
            }
        } catch {
            throw RegistryError(storageFailure: error)
        }
        close()
        return Page(items: hits.map(\.hit), next: nil)
    }

    func catalogDocuments(
        matching words: [String], kinds: Set<CatalogMatch.Kind>, _ page: PageRequest
    ) throws(RegistryError) -> Page<CatalogDocument> {
        let arguments: SQLArguments = [Self.matchExpression(words), page.after?.lastSequence ?? Int64.max]
        var documents: [CatalogDocument] = []
        var read = 0
        var last: Int64 = 0
        do {
            let rows = try DecodingCursor(statement(Self.selectMatching), arguments: arguments) {
                (row: StatementRow<CatalogSearchColumn>) in row
            }
            while let row = try rows.next() {
                let rowid: Int64 = row[.rowid]
                if let kind = CatalogMatch.Kind(rawValue: row[.kind]), kinds.contains(kind) {
                    if documents.count == page.maxResults {
                        return Page(items: documents, next: PageCursor(lastSequence: last))
                    }
                    documents.append(
                        CatalogDocument(apiID: APIID(uncheckedRawValue: row[.apiID]), kind: kind, itemID: row[.item]))
                }
                last = rowid
                read += 1
                if read == Self.searchBudget {
                    return Page(items: documents, next: last > 0 ? PageCursor(lastSequence: last) : nil)
                }
            }
        } catch {
            throw RegistryError(storageFailure: error)
        }
        return Page(items: documents, next: nil)
    }

    /// What a document row matched, named as a reader knows it.
    private static func match(_ row: StatementRow<CatalogSearchColumn>) -> CatalogMatch {
        let kind = CatalogMatch.Kind(rawValue: row[.kind]) ?? .api
        let lines = (row[.body] as String).split(separator: "\n", omittingEmptySubsequences: false)
        // An API's document opens with its id, then its name.
        let text = kind == .api ? (lines.count > 1 ? lines[1] : "") : (lines.first ?? "")
        return CatalogMatch(kind: kind, itemID: row[.item], text: String(text))
    }

    /// The FTS5 expression for `words`: each word a quoted phrase (its own tokens in order, quotes
    /// doubled), all of them required. Nothing a reader types is read as FTS5 syntax.
    static func matchExpression(_ words: [String]) -> String {
        words.map {
            "\"" + $0.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }.joined(separator: " ")
    }
}
