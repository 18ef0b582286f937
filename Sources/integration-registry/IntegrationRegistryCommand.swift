import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import RegistryApp
import RegistryAuth
import RegistryDomain
import RegistrySQLite
import RegistrySynth

/// The `integration-registry` command: serve the registry, migrate its database, synthesize a template,
/// seed a synthetic catalog, make tokens, print the version.
@main
struct IntegrationRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integration-registry",
        abstract: "A team-shared catalog of AWS API Gateway V2 APIs, served over AWS's apigatewayv2 API.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SynthCommand.self, SeedCommand.self, TokenCommand.self,
            VersionCommand.self,
        ],
        defaultSubcommand: ServeCommand.self)

    /// Parses the arguments and runs the chosen command, with SwiftNIO's event loops as Swift
    /// concurrency's global executor: request handlers then run on the event loop that read the
    /// request instead of hopping to another thread pool and back, which on a small machine costs
    /// more than the work itself.
    static func main() async {
        // Must run on the main thread before any task is started; async main starts there.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
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

    @Option(
        help:
            "JSON file of principals, roles and credentials; without it the service is open, loopback only (env REGISTRY_AUTH_FILE)."
    )
    var authFile: String?

    @Option(help: "Requests per second each principal may send, e.g. 50/s (needs --auth-file).")
    var rateLimit: String?

    func run() async throws {
        let authFilePath = authFile ?? ProcessInfo.processInfo.environment["REGISTRY_AUTH_FILE"]
        let authentication = try authFilePath.map(Self.loadAuthFile)
        guard authentication != nil || AppConfiguration.isLoopback(host) else {
            throw ValidationError(
                "Refusing to serve \(host) without authentication: an open registry binds only a loopback address. "
                    + "Add --auth-file FILE (principals with bearer-token hashes or access keys; see the README, "
                    + "and `integration-registry token new` to make a token), or bind 127.0.0.1.")
        }
        let rate = try rateLimit.map { text in
            guard authentication != nil else { throw ValidationError("--rate-limit needs --auth-file.") }
            guard let value = Double(text.hasSuffix("/s") ? String(text.dropLast(2)) : text), value > 0 else {
                throw ValidationError("--rate-limit takes requests per second, e.g. 50/s.")
            }
            return value
        }
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
        let logger = Logger(label: "integration-registry")
        let configuration = AppConfiguration(
            host: host, port: port, databasePath: db, defaultRegion: region, authentication: authentication,
            rateLimitPerSecond: rate)
        let host = self.host
        let (application, store) = try buildApplication(configuration: configuration, logger: logger) { port in
            FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
        }
        // runService returns once SIGTERM or SIGINT has stopped the listener and in-flight requests
        // have been answered; closing the store then checkpoints the WAL into the database file.
        try await application.runService()
        let checkpointed = try store.close()
        logger.info("stopped", metadata: ["database": .string(db), "walCheckpointed": "\(checkpointed)"])
    }

    /// Reads and checks an auth file: it must not be readable by group or others.
    static func loadAuthFile(_ path: String) throws -> AuthConfiguration {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw ValidationError("Cannot read the auth file \(path).")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw ValidationError(
                "The auth file \(path) is readable by group or others (mode \(String(mode, radix: 8))); "
                    + "it holds secret access keys: chmod 600 \(path).")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read the auth file \(path).")
        }
        do { return try AuthConfiguration(json: data) } catch { throw ValidationError(error.message) }
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
        defer { _ = try? store.close() }
        let snapshot = try await makeService(store: store).snapshot(of: apiID)
        let template = TemplateSynthesizer().synthesize(snapshot, options: SynthesisOptions(permissionScope: scope))
        FileHandle.standardOutput.write(Data((format == "yaml" ? template.yaml : template.json).utf8))
    }
}

/// `token`: bearer-token helpers.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Bearer tokens for the auth file.", subcommands: [NewTokenCommand.self])
}

/// `token new`: print a fresh token and the auth-file entry that accepts it (only its hash).
struct NewTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Print a fresh bearer token, then the principal entry (with only the token's SHA-256) to paste.")

    @Option(help: "The principal's name.")
    var name: String = "principal"

    @Option(help: "reader, editor or admin.")
    var role: String = "reader"

    func run() throws {
        guard Role(rawValue: role) != nil else { throw ValidationError("--role is reader, editor or admin.") }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let entry: [String: Any] = [
            "name": name, "role": role, "tokenSha256": [RequestAuthenticator.sha256Hex(Array(token.utf8))],
        ]
        let line = try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
        print(token)
        print(String(decoding: line, as: UTF8.self))
    }
}

/// `version`: print the version.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")

    func run() { print("integration-registry \(registryVersion)") }
}
