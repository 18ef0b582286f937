import Foundation
public import Hummingbird
public import Logging
import RegistryAuth
public import RegistryDomain
import RegistrySQLite
public import ServiceLifecycle

/// Builds the router that serves the wire API and the catalog's web pages over `service`.
///
/// Every route the router has is described in `api/openapi.yaml`.
public func buildRouter(
    service: RegistryService, configuration: AppConfiguration, logger: Logger
) -> Router<RegistryRequestContext> {
    let router = Router(context: RegistryRequestContext.self)
    let authenticator = configuration.authentication.map(RequestAuthenticator.init)
    // Sign-in sessions are signed with a key drawn now: a restart signs everyone out.
    let sessions = authenticator.map { _ in SessionCookies() }
    let rateLimiter = configuration.rateLimitPerSecond.map { PrincipalRateLimiter(rate: $0) }
    // Outermost first, in the order Hummingbird's examples compose them: the request's identity,
    // then the access log, metrics and tracing (the last only when spans are exported), which see
    // every request as a response with its final status because errors become responses just
    // inside them. Composed with Hummingbird's fixed-type builder, the stack is one generic type
    // the compiler specializes as a whole: added one by one, each layer cost every request its own
    // async frames (BENCHMARKS.md).
    router.addMiddleware {
        RequestIdentityMiddleware(
            defaultRegion: configuration.defaultRegion, propagatesStartedTraces: configuration.otlpEndpoint != nil)
        AccessLogMiddleware(logger: logger)
        RequestMetricsMiddleware()
        if configuration.otlpEndpoint != nil { RequestTracingMiddleware() }
        ErrorResponseMiddleware()
        BodyLimitMiddleware(maximumBodySize: configuration.maximumBodySize)
        if let authenticator, let sessions {
            AuthenticationMiddleware(
                authenticator: authenticator, sessions: sessions, maximumBodySize: configuration.maximumBodySize,
                clock: wallClock)
        }
        if let rateLimiter { RateLimitMiddleware(limiter: rateLimiter) }
        ChangeOriginMiddleware()
        DryRunMiddleware()
    }
    let limit = configuration.maximumBodySize
    ServiceEndpoints(service: service).register(on: router)
    APIEndpoints(service: service, bodyLimit: limit).register(on: router)
    ImportEndpoints(service: service, bodyLimit: limit).register(on: router)
    TemplateImportEndpoints(service: service, bodyLimit: limit).register(on: router)
    RouteEndpoints(service: service, bodyLimit: limit).register(on: router)
    IntegrationEndpoints(service: service, bodyLimit: limit).register(on: router)
    StageEndpoints(service: service, bodyLimit: limit).register(on: router)
    DeploymentEndpoints(service: service, bodyLimit: limit).register(on: router)
    AuthorizerEndpoints(service: service, bodyLimit: limit).register(on: router)
    ModelEndpoints(service: service, bodyLimit: limit).register(on: router)
    RouteResponseEndpoints(service: service, bodyLimit: limit).register(on: router)
    IntegrationResponseEndpoints(service: service, bodyLimit: limit).register(on: router)
    VpcLinkEndpoints(service: service, bodyLimit: limit).register(on: router)
    DomainNameEndpoints(service: service, bodyLimit: limit).register(on: router)
    APIMappingEndpoints(service: service, bodyLimit: limit).register(on: router)
    TagEndpoints(service: service, bodyLimit: limit).register(on: router)
    TemplateEndpoints(service: service).register(on: router)
    ExportEndpoints(service: service).register(on: router)
    HistoryEndpoints(service: service).register(on: router)
    CatalogEndpoints(service: service).register(on: router)
    AdminEndpoints(service: service, snapshotPrefix: configuration.databasePath).register(on: router)
    PagesEndpoints(service: service, renderer: .shared).register(on: router)
    SignInEndpoints(renderer: .shared, authenticator: authenticator, sessions: sessions, clock: wallClock)
        .register(on: router)
    return router
}

/// The registry's use cases over a store, with the wall clock.
public func makeService(store: any RegistryStore, quotas: Quotas = .aws) -> RegistryService {
    RegistryService(store: store, quotas: quotas, clock: wallClock)
}

/// The current time, in whole milliseconds.
@Sendable func wallClock() -> Timestamp {
    Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
}

/// Builds the application over `store`: the router that serves the wire API, bound to
/// `configuration.host:port` when run, with the store in the application's service group. The
/// group stops the HTTP server first (in-flight requests are answered) and the store last, and it
/// cancels the store, which then closes, when another service fails (a port already taken, say).
/// - Parameters:
///   - services: more services to run alongside (a trace exporter), stopped after the store.
///   - onListening: called with the bound port once the server accepts connections.
public func buildApplication(
    configuration: AppConfiguration, store: some RegistryStore & Service, logger: Logger,
    services: [any Service] = [], onListening: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let service = makeService(store: store, quotas: configuration.quotas)
    return Application(
        router: buildRouter(service: service, configuration: configuration, logger: logger),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        // The group stops services in reverse order: the server, the store, then the given ones
        // (a trace exporter flushes what the others traced).
        services: services + [store],
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// Opens (and migrates) the SQLite database `configuration.databasePath` and builds the
/// application over it (see ``buildApplication(configuration:store:logger:onListening:)``).
/// - Throws: ``RegistryError`` when the database cannot be opened or migrated.
public func buildApplication(
    configuration: AppConfiguration, logger: Logger, services: [any Service] = [],
    onListening: @escaping @Sendable (Int) async -> Void = { _ in }
) throws(RegistryError) -> some ApplicationProtocol {
    // The writer's counters are made when the store opens: swift-metrics must report to the
    // service's registry by then.
    _ = RegistryMetrics.shared
    let store = try SQLiteRegistryStore(
        path: configuration.databasePath, readers: max(2, ProcessInfo.processInfo.activeProcessorCount),
        logger: logger)
    if store.isReadOnly {
        logger.warning(
            "database is read-only: reads are served, writes answer 503 until the file is writable",
            metadata: ["database": .string(configuration.databasePath)])
    }
    return buildApplication(
        configuration: configuration, store: store, logger: logger, services: services, onListening: onListening)
}
