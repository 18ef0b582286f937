import ArgumentParser
import Foundation
import Logging
import RegistryApp
import RegistryDomain
import RegistrySQLite
import RegistrySynth

/// The `integration-registry` command: serve the registry, migrate its database, print the version.
@main
struct IntegrationRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integration-registry",
        abstract: "A team-shared catalog of AWS API Gateway V2 APIs, served over AWS's apigatewayv2 API.",
        subcommands: [ServeCommand.self, MigrateCommand.self, SynthCommand.self, VersionCommand.self],
        defaultSubcommand: ServeCommand.self)
}

/// The version this binary reports.
let registryVersion = "0.1.0"

/// `serve`: run the HTTP service until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the registry service.")

    @Option(help: "Address to bind (env REGISTRY_HOST).")
    var host: String = ProcessInfo.processInfo.environment["REGISTRY_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free port and prints it (env REGISTRY_PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["REGISTRY_PORT"] ?? "") ?? 8080

    @Option(help: "SQLite database file, created if missing (env REGISTRY_DB).")
    var db: String = ProcessInfo.processInfo.environment["REGISTRY_DB"] ?? "registry.sqlite"

    @Option(help: "Region reported when a request's credentials name none (env REGISTRY_REGION).")
    var region: String = ProcessInfo.processInfo.environment["REGISTRY_REGION"] ?? "us-east-1"

    func run() async throws {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        let logger = Logger(label: "integration-registry")
        let configuration = AppConfiguration(host: host, port: port, databasePath: db, defaultRegion: region)
        let host = self.host
        let (application, store) = try buildApplication(configuration: configuration, logger: logger) { port in
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
        try await application.runService()
        try store.close()
    }
}

/// `migrate`: apply pending migrations and exit.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending migrations.")

    @Option(help: "SQLite database file (env REGISTRY_DB).")
    var db: String = ProcessInfo.processInfo.environment["REGISTRY_DB"] ?? "registry.sqlite"

    func run() throws {
        let store = try SQLiteRegistryStore(path: db)
        try store.close()
        print("\(db): schema at version \(EmbeddedMigrations.all.map(\.version).max() ?? 0)")
    }
}

/// `synth`: print an API's CloudFormation template from a database file, without a server.
struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth", abstract: "Print the CloudFormation template of one API.")

    @Option(help: "SQLite database file (env REGISTRY_DB).")
    var db: String = ProcessInfo.processInfo.environment["REGISTRY_DB"] ?? "registry.sqlite"

    @Option(help: "The API's id.")
    var api: String

    @Option(help: "json or yaml.")
    var format: String = "json"

    @Option(help: "Lambda permission scope: route or function (automatic when not given).")
    var permissions: String?

    func run() async throws {
        guard let apiID = APIID(validating: api) else { throw ValidationError("'\(api)' is not an API id.") }
        guard format == "json" || format == "yaml" else { throw ValidationError("--format is json or yaml.") }
        let scope = try permissions.map { text in
            guard let scope = LambdaPermissionScope(rawValue: text) else {
                throw ValidationError("--permissions is route or function.")
            }
            return scope
        }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("No database at \(db).") }
        let store = try SQLiteRegistryStore(path: db)
        defer { try? store.close() }
        let snapshot = try await makeService(store: store).snapshot(of: apiID)
        let template = TemplateSynthesizer().synthesize(snapshot, options: SynthesisOptions(permissionScope: scope))
        FileHandle.standardOutput.write(Data((format == "yaml" ? template.yaml : template.json).utf8))
    }
}

/// `version`: print the version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() { print("integration-registry \(registryVersion)") }
}
