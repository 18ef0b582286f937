import ArgumentParser
import Foundation
import RegistryApp
import RegistryDomain
import RegistryImport
import RegistrySQLite

/// `import`: ImportApi (or, with `--api`, ReimportApi) of an OpenAPI 3.0 definition, or the import
/// of a CloudFormation template, straight into a database file, without a server: the same reading,
/// the same rules, one write.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import an HTTP API from an OpenAPI 3.0 definition, or what a CloudFormation template declares, into a "
            + "database file.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "The OpenAPI 3.0 definition to import (a file; - for standard input).")
    var openapi: String?

    @Option(help: "The CloudFormation template to import (a file, JSON or YAML; - for standard input).")
    var cloudformation: String?

    @Option(help: "Reimport into this API (ReimportApi) instead of making a new one (with --openapi).")
    var api: String?

    @Option(help: "How the first server URL's base path is read: ignore, prepend or split (with --openapi).")
    var basepath: String = "ignore"

    @Option(help: "The region AWS::Region names (with --cloudformation).")
    var region: String = "us-east-1"

    @Option(help: "The account AWS::AccountId names (with --cloudformation).")
    var accountId: String?

    @Flag(help: "Refuse the import when the document gives warnings.")
    var failOnWarnings = false

    func validate() throws {
        guard (openapi == nil) != (cloudformation == nil) else {
            throw ValidationError("Give exactly one of --openapi and --cloudformation.")
        }
        if cloudformation != nil, api != nil { throw ValidationError("--api goes with --openapi.") }
    }

    func run() async throws {
        let store = try SQLiteRegistryStore(path: database.path)
        defer { _ = try? store.close() }
        let service = makeService(store: store)
        if let cloudformation {
            try await importTemplate(try Self.read(cloudformation), into: service)
        } else if let openapi {
            try await importDefinition(try Self.read(openapi), into: service)
        }
    }

    private func importDefinition(_ text: String, into service: RegistryService) async throws {
        let plan = try OpenAPIImporter().plan(text, basePath: try BasePathMode(query: basepath))
        // Recorded in the history as the command line's change.
        let result = try await ChangeOrigin.$current.withValue(ChangeOrigin(principal: "cli")) {
            () async throws(RegistryError) -> APIImportResult in
            if let api {
                guard let apiID = APIID(validating: api) else { throw .badRequest("'\(api)' is not an API id.") }
                return try await service.reimportAPI(apiID, plan, failOnWarnings: failOnWarnings)
            }
            return try await service.importAPI(plan, failOnWarnings: failOnWarnings)
        }
        let snapshot = try await service.snapshot(of: result.api.id)
        print(
            "\(result.api.id.rawValue) \(result.api.name): \(snapshot.routes.count) routes, "
                + "\(snapshot.integrations.count) integrations, \(snapshot.authorizers.count) authorizers")
        for warning in result.warnings { print("warning: \(warning)") }
    }

    private func importTemplate(_ text: String, into service: RegistryService) async throws {
        let plan = try CloudFormationImporter().plan(text, region: region, accountID: accountId)
        let result = try await ChangeOrigin.$current.withValue(ChangeOrigin(principal: "cli")) {
            () async throws(RegistryError) -> TemplateImportResult in
            try await service.importTemplate(plan, failOnWarnings: failOnWarnings)
        }
        for (key, link) in result.vpcLinks { print("\(key): VPC link \(link.id.rawValue) \(link.name)") }
        for (key, api) in result.apis {
            let snapshot = try await service.snapshot(of: api.id)
            print(
                "\(key): \(api.protocolType.rawValue) API \(api.id.rawValue) \(api.name): \(snapshot.routes.count) "
                    + "routes, \(snapshot.integrations.count) integrations, \(snapshot.stages.count) stages")
        }
        for (key, domainName) in result.domainNames { print("\(key): domain name \(domainName.name.rawValue)") }
        for warning in result.warnings { print("warning: \(warning)") }
    }

    /// The text of `path` (`-` for standard input).
    private static func read(_ path: String) throws -> String {
        if path == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path).")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
