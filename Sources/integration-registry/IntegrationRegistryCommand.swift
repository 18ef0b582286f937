import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import RegistryApp
import RegistryAuth
import RegistryDomain
import RegistrySQLite
import RegistrySynth

/// The `integration-registry` command: serve the registry, migrate, back up and restore its database,
/// synthesize a template, seed a synthetic catalog, import an OpenAPI definition, make tokens, print
/// the version.
@main
struct IntegrationRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integration-registry",
        abstract: "A team-shared catalog of AWS API Gateway V2 APIs, served over AWS's apigatewayv2 API.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, BackupCommand.self, RestoreCommand.self, SynthCommand.self,
            SeedCommand.self, ImportCommand.self,
            TokenCommand.self, VersionCommand.self,
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

/// `migrate`: apply pending migrations and exit.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending migrations.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let path = database.path
        let store = try SQLiteRegistryStore(path: path)
        try store.close()
        print("\(path): schema at version \(EmbeddedMigrations.all.map(\.version).max() ?? 0)")
    }
}

/// `synth`: print an API's or a custom domain name's CloudFormation template from a database file,
/// without a server.
struct SynthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth", abstract: "Print the CloudFormation template of one API or one custom domain name.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "The API's id.")
    var api: String?

    @Option(help: "A custom domain name (its own template; API templates map onto it by name).")
    var domainName: String?

    @Option(help: "json or yaml.")
    var format: String = "json"

    @Option(help: "Lambda permission scope: route or function (automatic when not given; APIs only).")
    var permissions: String?

    func validate() throws {
        guard (api == nil) != (domainName == nil) else { throw ValidationError("Name one of --api or --domain-name.") }
        guard format == "json" || format == "yaml" else { throw ValidationError("--format is json or yaml.") }
    }

    func run() async throws {
        let scope = try permissions.map { text in
            guard let scope = LambdaPermissionScope(rawValue: text) else {
                throw ValidationError("--permissions is route or function.")
            }
            return scope
        }
        let path = database.path
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("No database at \(path).") }
        let store = try SQLiteRegistryStore(path: path)
        defer { _ = try? store.close() }
        let service = makeService(store: store)
        let template: CloudFormationTemplate
        if let api {
            guard let apiID = APIID(validating: api) else { throw ValidationError("'\(api)' is not an API id.") }
            let snapshot = try await service.snapshot(of: apiID)
            template = try TemplateSynthesizer().synthesize(snapshot, options: SynthesisOptions(permissionScope: scope))
        } else {
            let name = try DomainNameID(validating: domainName ?? "")
            template = DomainNameTemplateSynthesizer().synthesize(try await service.domainName(name))
        }
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
