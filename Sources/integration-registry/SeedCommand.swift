import ArgumentParser
import Foundation
import RegistryApp
import RegistryDomain
import RegistrySQLite

/// `seed`: fill a database with a synthetic catalog, for benchmarks and capacity checks.
///
/// Every entity goes through the registry's own use cases (so every rule runs) and the store's
/// group commit, which carries many concurrent writes per transaction: seeding a million routes is
/// a matter of a minute, not of a million fsyncs.
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill a database with synthetic HTTP APIs (tagged, one Lambda integration and N routes each).")

    @OptionGroup var database: DatabaseOption

    @Option(help: "How many APIs to add.")
    var apis: Int = 1000

    @Option(help: "Routes per API, each targeting the API's integration (at most 300, AWS's quota).")
    var routesPerAPI: Int = 10

    @Option(help: "APIs being written at once; group commit batches their writes together.")
    var concurrency: Int = 1024

    func validate() throws {
        guard apis >= 0 else { throw ValidationError("--apis cannot be negative.") }
        guard (0...300).contains(routesPerAPI) else { throw ValidationError("--routes-per-api is 0 to 300.") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency is at least 1.") }
    }

    func run() async throws {
        let path = database.path
        let store = try SQLiteRegistryStore(path: path)
        let service = makeService(store: store)
        let started = ContinuousClock.now
        // The seed's writes are recorded in the history as the `seed` principal's.
        try await ChangeOrigin.$current.withValue(ChangeOrigin(principal: "seed")) {
            try await seed(service: service)
        }
        let elapsed = ContinuousClock.now - started
        let statistics = store.statistics()
        try store.close()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            "\(path): added \(apis) APIs, \(apis) integrations and \(apis * routesPerAPI) routes in "
                + String(format: "%.1f s", seconds) + " (\(statistics.writes) writes in \(statistics.transactions) "
                + "transactions)")
    }

    /// Adds every API, `concurrency` at a time.
    private func seed(service: RegistryService) async throws {
        let routesPerAPI = self.routesPerAPI
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<apis {
                if number >= concurrency { try await group.next() }
                group.addTask { try await Self.seedAPI(number: number, routes: routesPerAPI, service: service) }
            }
            try await group.waitForAll()
        }
    }

    /// The resources the seeded routes are named after, so that words are as common in the
    /// catalog's search index as in a real one: some in every twentieth route, none in all.
    static let resources = [
        "orders", "users", "payments", "invoices", "carts", "products", "accounts", "sessions", "shipments",
        "refunds", "customers", "reviews", "coupons", "stores", "inventory", "catalog", "reports", "webhooks",
        "tokens", "subscriptions",
    ]

    /// Adds API number `number`: an HTTP API owned by one of 50 teams, one Lambda proxy integration
    /// and `routes` routes to it.
    private static func seedAPI(number: Int, routes: Int, service: RegistryService) async throws {
        let resource = resources[number % resources.count]
        let api = try await service.createAPI(
            APIInput(
                name: "seed-\(number)", protocolType: .http,
                description: "The \(resource) service of team \(number % 50)",
                tags: ["team": "team-\(number % 50)", "env": number % 10 == 0 ? "staging" : "prod"]))
        let integration = try await service.createIntegration(
            in: api.id,
            IntegrationInput(
                integrationType: .awsProxy,
                integrationUri: "arn:aws:lambda:us-east-1:123456789012:function:seed-\(number % 1000)",
                payloadFormatVersion: "2.0"))
        for route in 0..<routes {
            _ = try await service.createRoute(
                in: api.id,
                RouteInput(
                    routeKey: "GET /\(resources[(number + route) % resources.count])/\(route)/{id}",
                    target: "integrations/\(integration.id.rawValue)"))
        }
    }
}
