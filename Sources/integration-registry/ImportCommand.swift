import ArgumentParser
import Foundation
import RegistryApp
import RegistryDomain
import RegistryImport
import RegistrySQLite

/// `import`: ImportApi (or, with `--api`, ReimportApi) of an OpenAPI 3.0 definition straight into
/// a database file, without a server: the same reading, the same rules, one write and one revision.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an HTTP API from an OpenAPI 3.0 definition (JSON or YAML) into a database file.")

    @OptionGroup var database: DatabaseOption

    @Option(help: "The OpenAPI 3.0 definition to import (a file; - for standard input).")
    var openapi: String

    @Option(help: "Reimport into this API (ReimportApi) instead of making a new one.")
    var api: String?

    @Option(help: "How the first server URL's base path is read: ignore, prepend or split.")
    var basepath: String = "ignore"

    @Flag(help: "Refuse the import when the definition gives warnings.")
    var failOnWarnings = false

    func run() async throws {
        let mode = try BasePathMode(query: basepath)
        let text: String
        if openapi == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: openapi) else {
                throw ValidationError("Cannot read \(openapi).")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let plan = try OpenAPIImporter().plan(text, basePath: mode)
        let store = try SQLiteRegistryStore(path: database.path)
        defer { _ = try? store.close() }
        let service = makeService(store: store)
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
}
