import Hummingbird
import RegistryDomain
import RegistrySynth

/// `/v2/apis/{apiId}/exports/{specification}`: ExportApi, the API as an OpenAPI 3.0 document.
struct ExportEndpoints {
    let service: RegistryService

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/v2/apis/:apiId/exports/:specification") { request, context in
            let apiID = try context.apiID()
            let query = request.uri.queryParameters
            guard context.pathParameter("specification") == "OAS30" else {
                throw RegistryError.badRequest("Invalid specification: only OAS30 is supported.")
            }
            let format: TemplateFormat
            switch query.get("outputType").map({ String($0) }) {
            case "JSON": format = .json
            case "YAML": format = .yaml
            case let other: throw RegistryError.badRequest("outputType must be JSON or YAML, got '\(other ?? "")'.")
            }
            if let version = query.get("exportVersion"), version != "1.0" {
                throw RegistryError.badRequest("Invalid exportVersion '\(version.prefix(16))': only 1.0 is supported.")
            }
            var options = OpenAPIExportOptions(region: context.region)
            options.includeExtensions = try request.booleanQuery("includeExtensions", absent: true)
            let snapshot = try await TemplateEndpoints.snapshot(of: apiID, request, service)
            if let text = query.get("stageName") {
                let name = try StageName(validating: String(text))
                guard snapshot.stages.contains(where: { $0.name == name }) else {
                    throw RegistryError.notFound("Invalid stage identifier specified: \(name).")
                }
                options.stage = name
            }
            let document = try OpenAPIExporter().export(snapshot, options: options)
            return Response(
                status: .ok, headers: [.contentType: format.contentType],
                body: .init(byteBuffer: ByteBuffer(string: format == .yaml ? document.yaml : document.json + "\n")))
        }
    }
}
