import Foundation
import GRDB
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// The catalog and its search (migration 0007): what each word finds, the index kept current by
/// every kind of write, pages, filters and the per-page budget.
@Suite("Catalog search")
struct CatalogSearchTests {
    /// The index as migration 0007 builds it from the tables: what the triggers must have kept.
    static let rebuiltIndex = """
        SELECT seq << 32, id, 'api', id,
            id || char(10) || name || coalesce(char(10) || description, '')
            || coalesce((SELECT char(10) || group_concat(key || ' ' || value, char(10)) FROM api_tags
                         WHERE api_id = apis.id), '')
        FROM apis
        UNION ALL
        SELECT (a.seq << 32) + (1 << 30) + (r.seq & 1073741823), r.api_id, 'route', r.id,
            r.route_key || coalesce(char(10) || r.operation_name, '')
        FROM routes r JOIN apis a ON a.id = r.api_id
        UNION ALL
        SELECT (a.seq << 32) + (2 << 30) + (i.seq & 1073741823), i.api_id, 'integration', i.id,
            coalesce(i.integration_uri, i.integration_type) || coalesce(char(10) || i.connection_id, '')
            || coalesce(char(10) || i.integration_subtype, '') || coalesce(char(10) || i.description, '')
        FROM integrations i JOIN apis a ON a.id = i.api_id
        UNION ALL
        SELECT (a.seq << 32) + (3 << 30) + (z.seq & 1073741823), z.api_id, 'authorizer', z.id,
            z.name || coalesce(char(10) || z.authorizer_uri, '')
        FROM authorizers z JOIN apis a ON a.id = z.api_id
        ORDER BY 1
        """

    /// Checks that the index holds exactly what the tables say, and that FTS5 finds it consistent.
    static func expectIndexIsCurrent(_ fixture: StoreFixture, sourceLocation: SourceLocation = #_sourceLocation) throws
    {
        try fixture.rawQueue().write { db in
            let indexed = try Row.fetchAll(
                db, sql: "SELECT rowid, api_id, kind, item, body FROM catalog_search ORDER BY rowid")
            let expected = try Row.fetchAll(db, sql: rebuiltIndex)
            #expect(
                indexed.map { Array($0.databaseValues) } == expected.map { Array($0.databaseValues) },
                sourceLocation: sourceLocation)
            try db.execute(sql: "INSERT INTO catalog_search (catalog_search) VALUES ('integrity-check')")
            #expect(
                try Int.fetchOne(db, sql: "SELECT count(*) FROM catalog_search_pending") == 0,
                "every commit empties the queue", sourceLocation: sourceLocation)
        }
    }

    /// The APIs a query finds (every page), newest first.
    static func found(
        _ fixture: StoreFixture, _ text: String, protocolType: ProtocolType? = nil, tag: CatalogQuery.Tag? = nil
    ) async throws -> [CatalogEntry] {
        var entries: [CatalogEntry] = []
        var cursor: PageCursor?
        repeat {
            let page = try await fixture.service.catalog(
                CatalogQuery(text: text, protocolType: protocolType, tag: tag),
                PageRequest(maxResults: 500, after: cursor))
            entries += page.items
            cursor = page.next
        } while cursor != nil
        return entries
    }

    /// A shop API: tagged, described, with a Lambda integration, a private integration through a VPC
    /// link, a JWT authorizer and two routes.
    static func shop(_ fixture: StoreFixture) async throws -> (api: API, link: VpcLink) {
        let api = try await fixture.service.createAPI(
            APIInput(
                name: "shop-frontend", protocolType: .http, description: "Storefront for the Ünïcode café",
                tags: ["team": "payments", "cost-center": "cc1234"]))
        let lambda = try await fixture.lambdaIntegration(in: api)
        let link = try await fixture.vpcLink()
        let privateIntegration = try await fixture.service.createIntegration(
            in: api.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: Sample.albListener, integrationMethod: "ANY",
                connectionType: .vpcLink, connectionId: link.id.rawValue, payloadFormatVersion: "1.0"))
        _ = try await fixture.jwtAuthorizer(in: api)
        try await fixture.route("GET /orders/{orderId}", to: lambda, in: api)
        try await fixture.route("POST /inventory/reservations", to: privateIntegration, in: api)
        return (api, link)
    }

    @Test(
        "each indexed part of an API is found by its words",
        arguments: [
            ("shop", CatalogMatch.Kind.api),
            ("frontend", .api),
            ("storefront", .api),
            ("unicode cafe", .api),
            ("payments", .api),
            ("cc1234", .api),
            ("/orders/{orderId}", .route),
            ("order", .route),
            ("inventory reservations", .route),
            ("arn:aws:lambda:us-east-1:123456789012:function:orders", .integration),
            ("cognito", .authorizer),
        ])
    func findsEachPart(text: String, kind: CatalogMatch.Kind) async throws {
        let fixture = try StoreFixture()
        let (api, _) = try await Self.shop(fixture)
        _ = try await fixture.httpAPI("unrelated")
        let entries = try await Self.found(fixture, text)
        #expect(entries.map(\.api.id) == [api.id])
        #expect(entries.first?.matches.contains { $0.kind == kind } == true, "\(entries.first?.matches ?? [])")
        #expect(entries.first?.routeCount == 2)
        #expect(entries.first?.api.tags["team"] == "payments")
    }

    @Test("a listener ARN and a VPC link id find the private integration; its text is the URI")
    func findsBackends() async throws {
        let fixture = try StoreFixture()
        let (api, link) = try await Self.shop(fixture)
        for text in [Sample.albListener, link.id.rawValue] {
            let entries = try await Self.found(fixture, text)
            #expect(entries.map(\.api.id) == [api.id])
            #expect(entries.first?.matches.map(\.text) == [Sample.albListener])
        }
        #expect(try await Self.found(fixture, "GET /inventory").isEmpty, "every word must be in one part")
    }

    @Test("every kind of write keeps the index exactly current, in its own transaction")
    func indexFollowsWrites() async throws {
        let fixture = try StoreFixture()
        let (api, _) = try await Self.shop(fixture)
        try Self.expectIndexIsCurrent(fixture)
        let routes = try await fixture.service.routes(in: api.id, PageRequest()).items
        let integrations = try await fixture.service.integrations(in: api.id, PageRequest()).items
        let authorizer = try #require(try await fixture.service.authorizers(in: api.id, PageRequest()).items.first)

        _ = try await fixture.service.updateRoute(routes[0].id, in: api.id, RouteInput(routeKey: "GET /parcels/{id}"))
        #expect(try await Self.found(fixture, "orderId").isEmpty)
        #expect(try await Self.found(fixture, "parcels").map(\.api.id) == [api.id])
        _ = try await fixture.service.updateAPI(api.id, APIInput(name: "boutique", description: "Renamed"))
        #expect(try await Self.found(fixture, "storefront").isEmpty)
        #expect(try await Self.found(fixture, "boutique payments").map(\.api.id) == [api.id])
        try await fixture.service.untag(.api(api.id), keys: ["team"])
        #expect(try await Self.found(fixture, "payments").isEmpty)
        try await fixture.service.tag(.api(api.id), with: ["team": "logistics"])
        #expect(try await Self.found(fixture, "logistics").map(\.api.id) == [api.id])
        _ = try await fixture.service.updateIntegration(
            integrations[0].id, in: api.id,
            IntegrationInput(integrationUri: "arn:aws:lambda:us-east-1:123456789012:function:parcels"))
        #expect(try await Self.found(fixture, Sample.function).isEmpty)
        _ = try await fixture.service.updateAuthorizer(authorizer.id, in: api.id, AuthorizerInput(name: "okta"))
        #expect(try await Self.found(fixture, "okta").map(\.api.id) == [api.id])
        try Self.expectIndexIsCurrent(fixture)

        // A refused write leaves the index as it was.
        await #expect(throws: RegistryError.self) { try await fixture.route("GET /parcels/{other}", in: api) }
        try await fixture.service.deleteRoute(routes[1].id, in: api.id)
        #expect(try await Self.found(fixture, "reservations").isEmpty)
        try Self.expectIndexIsCurrent(fixture)

        let revisionBeforeDelete = try await fixture.service.latestRevision(of: api.id)
        try await fixture.service.deleteAPI(api.id)
        #expect(try await Self.found(fixture, "boutique").isEmpty)
        #expect(try await Self.found(fixture, "parcels").isEmpty)
        try Self.expectIndexIsCurrent(fixture)

        // Restoring an old revision brings its words back.
        _ = try await fixture.service.restoreRevision(revisionBeforeDelete, of: api.id)
        #expect(try await Self.found(fixture, "boutique parcels okta").isEmpty, "three parts, no single one")
        #expect(try await Self.found(fixture, "okta").map(\.api.id) == [api.id])
        try Self.expectIndexIsCurrent(fixture)
    }

    @Test("a database migrated from version 6 has its catalog indexed")
    func migrationIndexesWhatIsThere() async throws {
        let old = try StoreFixture(migrations: Array(EmbeddedMigrations.all.prefix(6)))
        let (api, _) = try await Self.shop(old)
        let indexed = try await old.rawQueue().read { db in try db.tableExists("catalog_search") }
        #expect(!indexed)
        let fixture = try StoreFixture(reopening: old)
        #expect(try await Self.found(fixture, "cognito").map(\.api.id) == [api.id])
        #expect(try await Self.found(fixture, "orders").map(\.api.id) == [api.id])
        try Self.expectIndexIsCurrent(fixture)
    }

    @Test("pages walk the catalog newest first, each API once, searched or not")
    func pagesNewestFirst() async throws {
        let fixture = try StoreFixture()
        var created: [APIID] = []
        for number in 0..<23 {
            let api = try await fixture.httpAPI("svc-\(number)")
            for route in 0..<(number % 4) {
                try await fixture.route("GET /widgets/\(route)", in: api)
            }
            created.append(api.id)
        }
        for (text, expected) in [
            ("", created.reversed()),
            ("widgets", created.enumerated().filter { $0.offset % 4 != 0 }.map(\.element).reversed()),
        ] {
            var seen: [APIID] = []
            var cursor: PageCursor?
            repeat {
                let page = try await fixture.service.catalog(
                    CatalogQuery(text: text), PageRequest(maxResults: 4, after: cursor))
                #expect(page.items.count <= 4)
                seen += page.items.map(\.api.id)
                cursor = page.next
            } while cursor != nil
            #expect(seen == Array(expected), "q=\(text)")
        }
        let searched = try await Self.found(fixture, "widgets")
        #expect(searched.first?.matchCount == 2 && searched.first?.matches.count == 2)
        #expect(searched.first?.matches.map(\.text) == ["GET /widgets/0", "GET /widgets/1"])
    }

    @Test("protocol and tag filters apply with and without words")
    func filters() async throws {
        let fixture = try StoreFixture()
        let (shop, _) = try await Self.shop(fixture)
        let chat = try await fixture.service.createAPI(
            APIInput(
                name: "chat-orders", protocolType: .websocket, routeSelectionExpression: "$request.body.action",
                tags: ["team": "payments"]))
        let plain = try await fixture.httpAPI("orders-plain")
        let listed = { (text: String, protocolType: ProtocolType?, tag: CatalogQuery.Tag?) in
            try await Self.found(fixture, text, protocolType: protocolType, tag: tag).map(\.api.id)
        }
        #expect(try await listed("", nil, nil) == [plain.id, chat.id, shop.id])
        #expect(try await listed("", .websocket, nil) == [chat.id])
        #expect(try await listed("", .http, nil) == [plain.id, shop.id])
        #expect(try await listed("", nil, .init(key: "team", value: "payments")) == [chat.id, shop.id])
        #expect(try await listed("", .http, .init(key: "team", value: "payments")) == [shop.id])
        #expect(try await listed("orders", nil, nil) == [plain.id, chat.id, shop.id])
        #expect(try await listed("orders", .http, .init(key: "team", value: "payments")) == [shop.id])
        #expect(try await listed("orders", .websocket, .init(key: "team", value: "nobody")) == [])
    }

    @Test(
        "search text is words, never FTS5 syntax",
        arguments: [
            "\"", "\"orders", "orders\"", "NOT orders", "orders OR shop", "NEAR(orders shop)", "body:orders", "^orders",
            "orders*", "(orders", "-orders", "'; DROP TABLE apis; --", "\u{0}orders",
        ])
    func hostileText(text: String) async throws {
        let fixture = try StoreFixture()
        _ = try await Self.shop(fixture)
        let query = try CatalogQuery(text: text)
        // Whatever it finds, it does not throw, and it changes nothing.
        _ = try await fixture.service.catalog(query, PageRequest())
        try Self.expectIndexIsCurrent(fixture)
        #expect(try await Self.found(fixture, "").count == 1)
    }

    @Test("a search reading past its budget answers what it found and a cursor to go on from")
    func budget() async throws {
        let fixture = try StoreFixture()
        // Twelve thousand matching routes, in APIs of 300, written concurrently (group commit).
        let apis = try await withThrowingTaskGroup(of: API.self) { group in
            for number in 0..<40 {
                group.addTask {
                    let api = try await fixture.httpAPI("bulk-\(number)")
                    for route in 0..<300 {
                        try await fixture.route("GET /bulk/\(route)", in: api)
                    }
                    return api
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let websocket = try await fixture.service.createAPI(
            APIInput(name: "bulk-socket", protocolType: .websocket, routeSelectionExpression: "$request.body.action"))
        var pages = 0
        var seen: [APIID] = []
        var cursor: PageCursor?
        repeat {
            // The filter leaves every HTTP API out, so after the WebSocket API (the newest) pages
            // come back empty until budgets have read past all their documents.
            let page = try await fixture.service.catalog(
                CatalogQuery(text: "bulk", protocolType: .websocket), PageRequest(maxResults: 10, after: cursor))
            seen += page.items.map(\.api.id)
            cursor = page.next
            pages += 1
        } while cursor != nil
        #expect(seen == [websocket.id])
        #expect(pages >= 2, "12,000 documents take more than one budget")
        #expect(try await Self.found(fixture, "bulk").count == apis.count + 1)
    }
}
