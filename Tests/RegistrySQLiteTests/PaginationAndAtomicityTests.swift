import GRDB
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// Keyset pagination of lists.
@Suite("Pagination")
struct PaginationTests {
    @Test("25 routes in pages of 7: every route once, in creation order, and no cursor after the last page")
    func pagesOfSeven() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        var created: [RouteID] = []
        for index in 0..<25 { created.append(try await fixture.route("GET /r\(index)", in: api).id) }
        var seen: [RouteID] = []
        var sizes: [Int] = []
        var cursor: PageCursor?
        repeat {
            let page = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 7, after: cursor))
            seen += page.items.map(\.id)
            sizes.append(page.items.count)
            cursor = page.next
        } while cursor != nil
        #expect(seen == created)
        #expect(sizes == [7, 7, 7, 4])
    }

    @Test("a list that fills its last page exactly has no cursor after it")
    func exactMultiple() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        for index in 0..<14 { try await fixture.route("GET /r\(index)", in: api) }
        let first = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 7))
        let cursor = try #require(first.next)
        let second = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 7, after: cursor))
        #expect(second.items.count == 7)
        #expect(second.next == nil)
        let empty = try await fixture.service.routes(in: try await fixture.httpAPI("empty").id, PageRequest())
        #expect(empty.items.isEmpty)
        #expect(empty.next == nil)
    }

    @Test("a route created between pages causes no duplicate and is seen at the end")
    func createdWhilePaging() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        var created: [RouteID] = []
        for index in 0..<10 { created.append(try await fixture.route("GET /r\(index)", in: api).id) }
        let first = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 7))
        let late = try await fixture.route("GET /late", in: api)
        var seen = first.items.map(\.id)
        var cursor = first.next
        while let after = cursor {
            let page = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 7, after: after))
            seen += page.items.map(\.id)
            cursor = page.next
        }
        #expect(seen == created + [late.id])
        #expect(Set(seen).count == seen.count)
    }

    @Test("a route deleted between pages is skipped without shifting the others")
    func deletedWhilePaging() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        var created: [RouteID] = []
        for index in 0..<10 { created.append(try await fixture.route("GET /r\(index)", in: api).id) }
        let first = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 5))
        try await fixture.service.deleteRoute(created[2], in: api.id)
        try await fixture.service.deleteRoute(created[7], in: api.id)
        let second = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 5, after: first.next))
        #expect(first.items.map(\.id) == Array(created[0..<5]))
        #expect(second.items.map(\.id) == [created[5], created[6], created[8], created[9]])
        #expect(second.next == nil)
    }

    @Test("every list pages the same way", arguments: [1, 2, 3, 10])
    func otherLists(size: Int) async throws {
        let fixture = try StoreFixture()
        var apis: [APIID] = []
        for index in 0..<5 { apis.append(try await fixture.httpAPI("api\(index)").id) }
        var seen: [APIID] = []
        var cursor: PageCursor?
        repeat {
            let page = try await fixture.service.apis(PageRequest(maxResults: size, after: cursor))
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen == apis)
        let api = apis[0]
        var integrations: [IntegrationID] = []
        for _ in 0..<5 {
            integrations.append(try await fixture.lambdaIntegration(in: try await fixture.service.api(api)).id)
        }
        var seenIntegrations: [IntegrationID] = []
        cursor = nil
        repeat {
            let page = try await fixture.service.integrations(in: api, PageRequest(maxResults: size, after: cursor))
            seenIntegrations += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seenIntegrations == integrations)
    }
}

/// A refused request changes nothing, and a store transaction commits all or nothing.
@Suite("Atomicity")
struct AtomicityTests {
    /// A request the fixture API must refuse.
    enum Refusal: String, CaseIterable, Sendable {
        case conflictingRoute, routeToForeignTarget, updateRouteToTakenKey, badIntegrationURI, badIntegrationUpdate
        case deleteTargetedIntegration, deleteUsedAuthorizer, stageWithForeignDeployment, deleteServedDeployment
        case renameStage, routeOverQuota
    }

    @Test("a refused request leaves the API exactly as it was", arguments: Refusal.allCases)
    func refusalChangesNothing(refusal: Refusal) async throws {
        let fixture = try StoreFixture(quotas: Quotas(routesPerAPI: 3))
        let api = try await fixture.httpAPI()
        let other = try await fixture.httpAPI("other")
        let foreignIntegration = try await fixture.lambdaIntegration(in: other)
        try await fixture.route("GET /x", to: foreignIntegration, in: other)
        let foreignDeployment = try await fixture.service.createDeployment(in: other.id, DeploymentInput())
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "live", autoDeploy: true))
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "manual"))
        let integration = try await fixture.lambdaIntegration(in: api)
        let authorizer = try await fixture.jwtAuthorizer(in: api)
        let pets = try await fixture.route("GET /pets/{id}", to: integration, in: api)
        let secured = try await fixture.service.createRoute(
            in: api.id, RouteInput(routeKey: "GET /me", authorizationType: .jwt, authorizerId: authorizer.id.rawValue))
        let served = try await fixture.service.createDeployment(in: api.id, DeploymentInput(stageName: "manual"))
        let before = try await fixture.snapshot(of: api.id)
        let service = fixture.service

        await expectRegistryError(Self.expectedCode(refusal)) {
            switch refusal {
            case .conflictingRoute:
                _ = try await service.createRoute(in: api.id, RouteInput(routeKey: "GET /pets/{petId}"))
            case .routeToForeignTarget:
                _ = try await service.createRoute(
                    in: api.id, RouteInput(routeKey: "GET /y", target: "integrations/\(foreignIntegration.id.rawValue)")
                )
            case .updateRouteToTakenKey:
                _ = try await service.updateRoute(secured.id, in: api.id, RouteInput(routeKey: "GET /pets/{other}"))
            case .badIntegrationURI:
                _ = try await service.createIntegration(
                    in: api.id,
                    IntegrationInput(
                        integrationType: .httpProxy, integrationUri: "ftp://x",
                        integrationMethod: "ANY"))
            case .badIntegrationUpdate:
                _ = try await service.updateIntegration(
                    integration.id, in: api.id, IntegrationInput(timeoutInMillis: 30_001))
            case .deleteTargetedIntegration:
                try await service.deleteIntegration(integration.id, in: api.id)
            case .deleteUsedAuthorizer:
                try await service.deleteAuthorizer(authorizer.id, in: api.id)
            case .stageWithForeignDeployment:
                _ = try await service.createStage(
                    in: api.id, StageInput(stageName: "foreign", deploymentId: foreignDeployment.id.rawValue))
            case .deleteServedDeployment:
                try await service.deleteDeployment(served.id, in: api.id)
            case .renameStage:
                _ = try await service.updateStage(
                    StageName(uncheckedRawValue: "manual"), in: api.id, StageInput(stageName: "renamed"))
            case .routeOverQuota:
                _ = try await service.createRoute(in: api.id, RouteInput(routeKey: "GET /third"))
                _ = try await service.createRoute(in: api.id, RouteInput(routeKey: "GET /fourth"))
            }
        }
        var after = try await fixture.snapshot(of: api.id)
        if refusal == .routeOverQuota {
            // The third route was accepted (and deployed); only the refused fourth must leave no trace.
            #expect(after.routes.count == before.routes.count + 1)
            #expect(after.routes.map(\.routeKey.rawValue).contains("GET /fourth") == false)
            after.routes.removeLast()
            after.stages = before.stages
            after.deployments.removeLast()
        }
        #expect(after == before)
        #expect(before.routes.map(\.id) == [pets.id, secured.id])
    }

    private static func expectedCode(_ refusal: Refusal) -> RegistryError.Code {
        switch refusal {
        case .conflictingRoute, .updateRouteToTakenKey, .deleteTargetedIntegration, .deleteUsedAuthorizer: .conflict
        case .routeToForeignTarget, .stageWithForeignDeployment: .notFound
        case .badIntegrationURI, .badIntegrationUpdate, .deleteServedDeployment, .renameStage: .badRequest
        case .routeOverQuota: .tooManyRequests
        }
    }

    @Test("a store write that throws after writing rolls everything back")
    func rollback() async throws {
        let fixture = try StoreFixture()
        let api = API(
            id: APIID(uncheckedRawValue: "rolledback"), name: "r", protocolType: .http,
            routeSelectionExpression: API.httpRouteSelectionExpression, tags: ["a": "b"],
            createdDate: Timestamp(millisecondsSinceEpoch: 0))
        do {
            try await fixture.store.write { registry throws(RegistryError) in
                try registry.record("CreateApi", .api, api.id.rawValue, in: .api(api.id), at: api.createdDate)
                try registry.insert(api)
                #expect(try registry.api(api.id) != nil)
                throw RegistryError.badRequest("stop")
            }
            Issue.record("The write should have thrown.")
        } catch {
            #expect(error == .badRequest("stop"))
        }
        await expectRegistryError(.notFound) { try await fixture.service.api(api.id) }
        let tags = try await fixture.rawQueue().read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM api_tags")
        }
        #expect(tags == 0)
    }

    @Test("a write whose second statement breaks a constraint keeps nothing of the first")
    func partialWrite() async throws {
        let fixture = try StoreFixture()
        let existing = try await fixture.httpAPI()
        let api = API(
            id: APIID(uncheckedRawValue: "halfdone01"), name: "half", protocolType: .http,
            routeSelectionExpression: API.httpRouteSelectionExpression,
            createdDate: Timestamp(millisecondsSinceEpoch: 0))
        let duplicate = API(
            id: existing.id, name: "duplicate id", protocolType: .http,
            routeSelectionExpression: API.httpRouteSelectionExpression,
            createdDate: Timestamp(millisecondsSinceEpoch: 0))
        await expectRegistryError(.conflict) {
            try await fixture.store.write { registry throws(RegistryError) in
                try registry.record("CreateApi", .api, api.id.rawValue, in: .api(api.id), at: api.createdDate)
                try registry.insert(api)
                try registry.insert(duplicate)
            }
        }
        await expectRegistryError(.notFound) { try await fixture.service.api(api.id) }
        #expect(try await fixture.service.api(existing.id) == existing)
    }
}
