import Hummingbird
import RegistryDomain
import RegistryImport

/// `PUT /v2/apis` (ImportApi) and `PUT /v2/apis/{apiId}` (ReimportApi): an HTTP API made, or its
/// routes, integrations and authorizers replaced, from an OpenAPI 3.0 definition (JSON or YAML), in
/// one write and one revision.
struct ImportEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.put("/v2/apis") { request, context in
            let (plan, failOnWarnings) = try await Self.plan(of: request, limit: bodyLimit)
            let result = try await service.importAPI(plan, failOnWarnings: failOnWarnings)
            return WireJSON.response(ImportAPIBody(result, region: context.region), status: .created)
        }
        router.put("/v2/apis/:apiId") { request, context in
            let apiID = try context.apiID()
            let (plan, failOnWarnings) = try await Self.plan(of: request, limit: bodyLimit)
            let result = try await service.reimportAPI(apiID, plan, failOnWarnings: failOnWarnings)
            return WireJSON.response(ImportAPIBody(result, region: context.region), status: .created)
        }
    }

    /// The definition of an ImportApi or ReimportApi request read into a plan, and its
    /// `failOnWarnings`.
    /// - Throws: ``RegistryError/Code/badRequest`` for a bad `basepath` or `failOnWarnings`, a missing
    ///   `body`, or a definition that cannot be imported.
    private static func plan(of request: Request, limit bodyLimit: Int) async throws -> (APIImportPlan, Bool) {
        let mode = try BasePathMode(query: request.uri.queryParameters.get("basepath").map { String($0) })
        let failOnWarnings = try request.booleanQuery("failOnWarnings", absent: false)
        let input = try await WireJSON.decode(ImportAPIRequest.self, from: request, limit: bodyLimit)
        guard let definition = input.body else { throw RegistryError.badRequest("body is required.") }
        return (try OpenAPIImporter().plan(definition, basePath: mode), failOnWarnings)
    }
}

/// The body of ImportApi and ReimportApi: the definition as text.
struct ImportAPIRequest: Decodable {
    let body: String?
}

/// The wire form of ImportApi's answer: the API as GetApi answers it, with the definition's
/// `warnings` when it gave any.
struct ImportAPIBody: Encodable {
    let api: APIBody
    let warnings: [String]?

    /// The wire form of `result`, as seen from `region`.
    init(_ result: APIImportResult, region: String) {
        api = APIBody(result.api, region: region)
        warnings = result.warnings.isEmpty ? nil : result.warnings
    }

    private enum CodingKeys: String, CodingKey {
        case warnings
    }

    func encode(to encoder: any Encoder) throws {
        try api.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(warnings, forKey: .warnings)
    }
}
