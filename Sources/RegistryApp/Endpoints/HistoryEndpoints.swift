import Foundation
import Hummingbird
import RegistryDomain
import RegistrySynth

/// The history extension: `/v2/apis/{apiId}/revisions[/{revision}]` (GetRevisions, GetRevision),
/// `/v2/apis/{apiId}/revisions/{revision}/restore` (RestoreRevision),
/// `/v2/apis/{apiId}/changes` (GetChangeSet, what CloudFormation would do between two revisions'
/// templates), `/v2/changes` (GetChanges, the catalog-wide audit log) and
/// `/v2/changes/{changeSequence}` (GetChange, one record with its resource before and after).
struct HistoryEndpoints {
    let service: RegistryService

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/v2/apis/:apiId/revisions") { request, context in
            let page = try await service.revisions(of: try context.apiID(), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, ChangeBody.revision), status: .ok)
        }
        router.get("/v2/apis/:apiId/revisions/:revision") { _, context in
            let revision = try Self.revision(context.pathParameter("revision"))
            return WireJSON.response(
                ChangeBody.revision(try await service.change(revision: revision, of: try context.apiID())), status: .ok)
        }
        router.post("/v2/apis/:apiId/revisions/:revision/restore") { _, context in
            let revision = try Self.revision(context.pathParameter("revision"))
            let api = try await service.restoreRevision(revision, of: try context.apiID())
            return WireJSON.response(APIBody(api, region: context.region), status: .ok)
        }
        router.get("/v2/apis/:apiId/changes") { request, context in
            let apiID = try context.apiID()
            let query = request.uri.queryParameters
            let format = try ChangeSetFormat(query.get("format"))
            let started = ContinuousClock.now
            let toRevision: Int
            if let text = query.get("to") {
                toRevision = try Self.revision(text, from: 0)
            } else {
                toRevision = try await service.latestRevision(of: apiID)
            }
            let fromRevision =
                try query.get("from").map { text throws(RegistryError) in try Self.revision(text, from: 0) }
                ?? max(0, toRevision - 1)
            let before = try await service.snapshotIfPresent(of: apiID, atRevision: fromRevision)
            let after = try await service.snapshotIfPresent(of: apiID, atRevision: toRevision)
            let synthesizer = TemplateSynthesizer()
            let changeSet = ChangeSet(
                from: try before.map { snapshot throws(RegistryError) in try synthesizer.synthesize(snapshot) },
                to: try after.map { snapshot throws(RegistryError) in try synthesizer.synthesize(snapshot) })
            var response: Response
            switch format {
            case .json:
                response = WireJSON.response(
                    ChangeSetBody(changeSet, from: fromRevision, to: toRevision), status: .ok)
            case .text:
                response = Response(
                    status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: changeSet.text)))
            }
            response.headers[.serverTiming] =
                "changeset;dur=\((ContinuousClock.now - started).serverTimingMilliseconds)"
            return response
        }
        router.get("/v2/changes") { request, _ in
            let page = try await service.changes(try Self.filter(request), try PageToken.pageRequest(request))
            return WireJSON.response(ListBody(page, ChangeBody.auditLogItem), status: .ok)
        }
        router.get("/v2/changes/:changeSequence") { _, context in
            let text = context.pathParameter("changeSequence")
            guard let sequence = Int64(text), sequence >= 1 else {
                throw RegistryError.badRequest("A change sequence must be an integer from 1, got '\(text.prefix(32))'.")
            }
            let detail = try await service.change(sequence: sequence)
            return WireJSON.response(ChangeDetailBody(detail, region: context.region), status: .ok)
        }
    }

    /// A revision number from the path or the query.
    /// - Throws: ``RegistryError/Code/badRequest`` for anything but a positive integer.
    static func revision(_ text: some StringProtocol, from lowest: Int = 1) throws(RegistryError) -> Int {
        guard let revision = Int(text), revision >= lowest else {
            throw .badRequest("A revision must be an integer from \(lowest), got '\(text.prefix(32))'.")
        }
        return revision
    }

    /// The audit log's filters: `principal`, `resourceType` (Api, Route, …) and `since` (ISO-8601,
    /// as the log's dates are written, or seconds since the epoch).
    private static func filter(_ request: Request) throws(RegistryError) -> ChangeFilter {
        let query = request.uri.queryParameters
        var filter = ChangeFilter()
        if let principal = query.get("principal") { filter.principal = String(principal) }
        if let text = query.get("resourceType") {
            guard let type = ResourceType(rawValue: String(text)) else {
                throw .badRequest(
                    "Invalid resourceType '\(text.prefix(64))': use one of "
                        + ResourceType.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            filter.resourceType = type
        }
        if let text = query.get("since") { filter.since = try timestamp(String(text)) }
        return filter
    }

    private static func timestamp(_ text: String) throws(RegistryError) -> Timestamp {
        if let seconds = Double(text), seconds.isFinite, abs(seconds) < 1e13 {
            return Timestamp(millisecondsSinceEpoch: Int64((seconds * 1000).rounded(.down)))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime]
            date = formatter.date(from: text)
        }
        guard let date else {
            throw .badRequest(
                "Invalid since '\(text.prefix(64))': use an ISO-8601 time (2026-12-01T10:00:00Z) or epoch seconds.")
        }
        return Timestamp(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }
}

/// How a change set is rendered: `json` (default) or `text`, as `cdk diff` prints it.
enum ChangeSetFormat: String {
    case json
    case text

    /// The `format` query parameter's choice.
    /// - Throws: ``RegistryError/Code/badRequest`` for anything but json or text.
    init(_ text: String?) throws(RegistryError) {
        guard let text else {
            self = .json
            return
        }
        guard let format = ChangeSetFormat(rawValue: String(text).lowercased()) else {
            throw .badRequest("Invalid format '\(text.prefix(32))': use json or text.")
        }
        self = format
    }
}
