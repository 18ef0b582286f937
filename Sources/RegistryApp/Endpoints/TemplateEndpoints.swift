import Foundation
import Hummingbird
import RegistryDomain
import RegistrySynth
import Tracing

/// `/v2/apis/{apiId}/template`: the CloudFormation template that deploys the API (an extension).
struct TemplateEndpoints {
    let service: RegistryService

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/v2/apis/:apiId/template") { request, context in
            let apiID = try context.apiID()
            let format = try TemplateFormat(request)
            let options = try Self.options(request)
            let started = ContinuousClock.now
            let snapshot = try await Self.snapshot(of: apiID, request, service)
            let read = ContinuousClock.now
            let body = try withSpan("synthesize template") { span in
                span.attributes["registry.api_id"] = apiID.rawValue
                span.attributes["registry.routes"] = snapshot.routes.count
                let template = try TemplateSynthesizer().synthesize(snapshot, options: options)
                return format == .yaml ? template.yamlBytes : template.jsonBytes
            }
            let synthesized = ContinuousClock.now
            var response = format.attachment(body, fileName: Self.fileName(snapshot.api.name))
            response.headers[.serverTiming] =
                "snapshot;dur=\((read - started).serverTimingMilliseconds), "
                + "synth;dur=\((synthesized - read).serverTimingMilliseconds)"
            return response
        }
    }

    /// The API as the request asks for it: now, or right after `?revision=N`.
    /// - Throws: ``RegistryError/Code/badRequest`` for a malformed revision,
    ///   ``RegistryError/Code/notFound`` for an unknown API or revision.
    static func snapshot(
        of apiID: APIID, _ request: Request, _ service: RegistryService
    ) async throws(RegistryError) -> APISnapshot {
        guard let text = request.uri.queryParameters.get("revision") else {
            return try await service.snapshot(of: apiID)
        }
        return try await service.snapshot(of: apiID, atRevision: try HistoryEndpoints.revision(text))
    }

    private static func options(_ request: Request) throws(RegistryError) -> SynthesisOptions {
        guard let text = request.uri.queryParameters.get("permissions") else { return SynthesisOptions() }
        guard let scope = LambdaPermissionScope(rawValue: String(text)) else {
            throw .badRequest("Invalid permissions '\(text.prefix(32))': use route or function.")
        }
        return SynthesisOptions(permissionScope: scope)
    }

    /// The API's name reduced to characters safe in a file name.
    static func fileName(_ name: String) -> String {
        let safe = name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }
        return String(safe)
    }

}

/// The rendering a template request asks for.
enum TemplateFormat: String {
    case json
    case yaml

    /// The `format` query parameter, else the `Accept` header, else JSON.
    /// - Throws: ``RegistryError/Code/badRequest`` for a format other than json or yaml.
    init(_ request: Request) throws(RegistryError) {
        if let text = request.uri.queryParameters.get("format") {
            guard let format = TemplateFormat(rawValue: String(text).lowercased()) else {
                throw .badRequest("Invalid format '\(text.prefix(32))': use json or yaml.")
            }
            self = format
        } else if let accept = request.headers[.accept], accept.contains("yaml") {
            self = .yaml
        } else {
            self = .json
        }
    }

    /// The response's content type.
    var contentType: String { self == .yaml ? "application/yaml" : "application/json" }

    /// A template as a download: `body` with this format's content type, as the attachment
    /// `<fileName>.template.<format>`.
    func attachment(_ body: [UInt8], fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: contentType,
                .contentDisposition: "attachment; filename=\"\(fileName).template.\(rawValue)\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
