import Foundation
import GRDB
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// A real SQLite store on a fresh file, with the use cases over it.
///
/// Each test makes its own; releasing it closes the store and deletes the file.
final class StoreFixture: Sendable {
    /// The directory holding the database file.
    let directory: TemporaryDirectory
    /// The database file.
    let path: String
    /// The store under test.
    let store: SQLiteRegistryStore
    /// The use cases over ``store``.
    let service: RegistryService

    /// Opens a store with `quotas` on a new file, or on the file of `existing` (closed first), with
    /// `migrations`.
    init(
        quotas: Quotas = .aws, migrations: [SchemaMigration] = EmbeddedMigrations.all,
        reopening existing: StoreFixture? = nil
    ) throws {
        if let existing { _ = try existing.store.close() }
        directory = try existing?.directory ?? TemporaryDirectory()
        path = directory.file("registry.sqlite")
        store = try SQLiteRegistryStore(path: path, migrations: migrations)
        service = RegistryService(store: store, quotas: quotas, clock: Sample.now)
    }

    deinit { _ = try? store.close() }

    /// Creates an HTTP API.
    func httpAPI(_ name: String = "pets") async throws -> API {
        try await service.createAPI(APIInput(name: name, protocolType: .http))
    }

    /// Creates a WebSocket API selecting routes by `$request.body.action`.
    func webSocketAPI(_ name: String = "chat") async throws -> API {
        try await service.createAPI(
            APIInput(name: name, protocolType: .websocket, routeSelectionExpression: "$request.body.action"))
    }

    /// Creates an AWS_PROXY integration to ``Sample/function`` in `api`.
    func lambdaIntegration(in api: API) async throws -> Integration {
        let version = api.protocolType == .http ? "2.0" : nil
        let uri = api.protocolType == .http ? Sample.function : Sample.invocation
        return try await service.createIntegration(
            in: api.id, IntegrationInput(integrationType: .awsProxy, integrationUri: uri, payloadFormatVersion: version)
        )
    }

    /// Creates a route with `key` targeting `integration`.
    @discardableResult
    func route(_ key: String, to integration: Integration? = nil, in api: API) async throws -> Route {
        try await service.createRoute(
            in: api.id, RouteInput(routeKey: key, target: integration.map { "integrations/\($0.id.rawValue)" }))
    }

    /// Creates a VPC link with one subnet.
    func vpcLink(_ name: String = "private") async throws -> VpcLink {
        try await service.createVpcLink(VpcLinkInput(name: name, subnetIds: ["subnet-0123abcd"]))
    }

    /// Creates a JWT authorizer in `api`.
    func jwtAuthorizer(in api: API) async throws -> Authorizer {
        try await service.createAuthorizer(
            in: api.id,
            AuthorizerInput(
                name: "cognito", authorizerType: .jwt, identitySource: ["$request.header.Authorization"],
                jwtConfiguration: JWTConfiguration(audience: ["client"], issuer: "https://issuer.example")))
    }

    /// Creates a Lambda REQUEST authorizer in `api` (payload format 2.0 on HTTP APIs), reading the
    /// `Authorization` header in the protocol's identity source form.
    func requestAuthorizer(in api: API) async throws -> Authorizer {
        try await service.createAuthorizer(
            in: api.id,
            AuthorizerInput(
                name: "lambda", authorizerType: .request,
                identitySource: [
                    api.protocolType == .http ? "$request.header.Authorization" : "route.request.header.Authorization"
                ],
                authorizerUri: Sample.invocation,
                authorizerPayloadFormatVersion: api.protocolType == .http ? "2.0" : nil))
    }

    /// Every route of `api`, read page by page.
    func allRoutes(of api: APIID) async throws -> [Route] {
        var routes: [Route] = []
        var cursor: PageCursor?
        repeat {
            let page = try await service.routes(in: api, PageRequest(maxResults: 500, after: cursor))
            routes += page.items
            cursor = page.next
        } while cursor != nil
        return routes
    }

    /// Every integration of `api`.
    func allIntegrations(of api: APIID) async throws -> [Integration] {
        try await service.integrations(in: api, PageRequest(maxResults: 500)).items
    }

    /// A full read of an API's routes, integrations, stages, deployments and authorizers.
    func snapshot(of api: APIID) async throws -> Snapshot {
        let page = try PageRequest(maxResults: 500)
        return Snapshot(
            api: try await service.api(api), routes: try await allRoutes(of: api),
            integrations: try await allIntegrations(of: api),
            stages: try await service.stages(in: api, page).items,
            deployments: try await service.deployments(in: api, page).items.map(\.id),
            authorizers: try await service.authorizers(in: api, page).items)
    }

    /// Opens the database file with a plain GRDB queue (foreign keys on), to look under the store.
    func rawQueue() throws -> DatabaseQueue {
        try DatabaseQueue(path: path)
    }
}

/// Everything the registry holds about one API, for before/after comparisons.
struct Snapshot: Equatable {
    var api: API
    var routes: [Route]
    var integrations: [Integration]
    var stages: [Stage]
    var deployments: [DeploymentID]
    var authorizers: [Authorizer]
}
