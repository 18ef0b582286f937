import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RegistryDomain
import RegistrySynth

/// `?dryRun=true` on any write: the write runs with every rule inside its transaction, changes
/// nothing (the store rolls it back, see ``DryRun``), and the answer is 200
/// `{"dryRun": true, "response": <the body the write would return, or null>, "changes": <the change
/// set of the templates it touches>}`. A refusal is the refusal the write would get.
struct DryRunMiddleware: RouterMiddleware {
    typealias Context = RegistryRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head, try request.booleanQuery("dryRun", absent: false)
        else { return try await next(request, context) }
        let dryRun = DryRun()
        let response = try await DryRun.$current.withValue(dryRun) { try await next(request, context) }
        var changes: ChangeSetBody
        if let before = dryRun.before, let after = dryRun.after {
            let changeSet = ChangeSet(from: try Self.template(before), to: try Self.template(after))
            let revision = dryRun.revision ?? 0
            changes = ChangeSetBody(changeSet, from: revision - 1, to: revision)
            // Revisions are an API's; a write of several streams has none (the store keeps no revision).
            if case .api? = dryRun.streams.first, dryRun.revision != nil {} else { changes.omitRevisions() }
        } else {
            // An operation that writes nothing to the catalog (ResetAuthorizersCache) changes nothing.
            changes = ChangeSetBody(ChangeSet(changes: []), from: 0, to: 0)
            changes.omitRevisions()
        }
        let body = try await Self.collect(response.body)
        let answer = DryRunBody(
            changes: changes, dryRun: true,
            response: body.readableBytes == 0 ? nil : try? TemplateValue(parsingJSON: Data(body.readableBytesView)))
        return WireJSON.response(answer, status: .ok)
    }

    /// The templates a state's APIs and domain names synthesize to, as one set of resources (logical
    /// IDs are unique across the catalog's templates: each hashes its entity's id), or `nil` for none.
    private static func template(_ state: DryRun.State) throws(RegistryError) -> CloudFormationTemplate? {
        var resources: [String: TemplateResource] = [:]
        for id in state.apiIDs {
            guard let snapshot = state.apis[id] else { continue }
            resources.merge(try TemplateSynthesizer().synthesize(snapshot).resources) { first, _ in first }
        }
        for domainName in state.domainNames {
            resources.merge(DomainNameTemplateSynthesizer().synthesize(domainName).resources) { first, _ in first }
        }
        return resources.isEmpty ? nil : CloudFormationTemplate(description: "", resources: resources)
    }

    /// The bytes of a response body.
    private static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collected = CollectedBody()
        try await body.write(CollectingWriter(collected: collected))
        return collected.buffer
    }
}

/// The wire form of a dry run's answer.
struct DryRunBody: Encodable {
    let changes: ChangeSetBody
    let dryRun: Bool
    let response: TemplateValue?
}

/// A response body's bytes, gathered by ``CollectingWriter``.
private final class CollectedBody: @unchecked Sendable {
    // Written by one task (the writer runs inside the dry run's own request), read after it finished.
    var buffer = ByteBuffer()
}

/// A body writer that keeps what it is given.
private struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        var part = buffer
        collected.buffer.writeBuffer(&part)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
