import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RegistryApp
import ServiceLifecycle

/// `serve`: run the HTTP service until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the registry service.")

    @Option(help: "Address to bind (env REGISTRY_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to bind; 0 picks a free port and prints it (env REGISTRY_PORT; default 8080).")
    var port: String?

    @OptionGroup var database: DatabaseOption

    @Option(help: "Region reported when a request's credentials name none (env REGISTRY_REGION; default us-east-1).")
    var region: String?

    @Option(
        help:
            "JSON file of principals, roles and credentials; without it the service is open, loopback only (env REGISTRY_AUTH_FILE)."
    )
    var authFile: String?

    @Option(
        help: "Requests per second each principal may send, e.g. 50/s; needs an auth file (env REGISTRY_RATE_LIMIT).")
    var rateLimit: String?

    @Option(
        help:
            "Least severe level logged: trace, debug, info (one line per request), notice, warning, error or critical (env REGISTRY_LOG_LEVEL; default info)."
    )
    var logLevel: String?

    @Option(
        help:
            "OTLP/HTTP collector to export traces to, e.g. http://127.0.0.1:4318 (env REGISTRY_OTLP_ENDPOINT; default: none, no export)."
    )
    var otlpEndpoint: String?

    /// The settings this command line gives.
    var options: [Setting: String] {
        let given: [Setting: String?] = [
            .host: host, .port: port, .db: database.db, .region: region, .authFile: authFile,
            .rateLimit: rateLimit, .logLevel: logLevel, .otlpEndpoint: otlpEndpoint,
        ]
        return given.compactMapValues { $0 }
    }

    func run() async throws {
        let configuration: AppConfiguration
        do {
            configuration = try AppConfiguration(settings: SettingsSource.process(options: options))
        } catch {
            throw ValidationError(error.message)
        }
        let level = configuration.logLevel
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "integration-registry")
        let tracing = try configuration.otlpEndpoint.map { endpoint in try TraceExport(endpoint: endpoint) }
        let host = configuration.host
        let application = try buildApplication(
            configuration: configuration, logger: logger, services: tracing.map { [$0.service] } ?? []
        ) { port in
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
        if let endpoint = configuration.otlpEndpoint {
            logger.notice("exporting traces", metadata: ["otlpEndpoint": .string(endpoint)])
        }
        // runService returns once SIGTERM or SIGINT has stopped the listener, in-flight requests have
        // been answered and the store, the group's last service, has checkpointed the WAL and closed.
        try await application.runService()
    }
}
