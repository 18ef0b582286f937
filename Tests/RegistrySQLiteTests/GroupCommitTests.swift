import RegistryDomain
import RegistrySQLite
import Testing

/// Group commit: concurrent writes share transactions, yet each write stays atomic on its own.
@Suite struct GroupCommitTests {
    @Test func concurrentWritesAreEachAtomicInsideSharedTransactions() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let before = fixture.store.statistics()
        // 100 creates: keys come in pairs that differ only by a variable's name, so exactly one of
        // each pair may win; the loser's savepoint rolls back without touching the winner's batch.
        let outcomes = await withTaskGroup(of: RegistryError.Code?.self) { group in
            for index in 0..<100 {
                group.addTask {
                    let key = "GET /pair\(index / 2)/{" + (index % 2 == 0 ? "a" : "b") + "}"
                    do {
                        _ = try await fixture.service.createRoute(in: api.id, RouteInput(routeKey: key))
                        return nil
                    } catch {
                        return (error as? RegistryError)?.code ?? .internalFailure
                    }
                }
            }
            var outcomes: [RegistryError.Code?] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.filter { $0 == nil }.count == 50)
        #expect(outcomes.filter { $0 == .conflict }.count == 50)
        let routes = try await fixture.service.routes(in: api.id, PageRequest(maxResults: 500))
        #expect(routes.items.count == 50)
        #expect(Set(routes.items.map(\.routeKey.conflictKey)).count == 50)
        let after = fixture.store.statistics()
        #expect(after.writes - before.writes == 100)
        #expect(after.transactions - before.transactions >= 1)
        #expect(after.transactions - before.transactions <= 100)
    }

    @Test func aWriteThatThrowsLeavesNothingBehind() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        await #expect(throws: RegistryError.self) {
            _ = try await fixture.store.write { registry throws(RegistryError) in
                try registry.insert(
                    Route(
                        id: RouteID(uncheckedRawValue: "halfway"), apiID: api.id,
                        routeKey: try RouteKey(parsing: "GET /halfway", protocolType: .http)))
                throw RegistryError.badRequest("refused after a write")
            }
        }
        #expect(try await fixture.service.routes(in: api.id, PageRequest()).items.isEmpty)
    }
}
