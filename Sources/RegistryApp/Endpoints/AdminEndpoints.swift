import Foundation
import Hummingbird
import RegistryDomain

/// The service's administration (admins only; see `Role.permits(method:path:)`):
/// `/v2/admin/backup` (GetBackup) streams a consistent, checked copy of the whole database.
struct AdminEndpoints {
    let service: RegistryService
    /// The prefix of the files snapshots are written to before they are streamed: next to the
    /// database (the same disk, never a memory-backed temporary directory).
    let snapshotPrefix: String

    func register(on router: Router<RegistryRequestContext>) {
        router.get("/v2/admin/backup") { _, context in
            let path = snapshotPrefix + ".snapshot-" + context.requestID
            let summary = try await service.backup(to: path)
            let download = try BackupDownload(path: path)
            var headers: HTTPFields = [
                .contentType: "application/vnd.sqlite3",
                .contentDisposition: "attachment; filename=\"registry-\(Self.fileStamp()).sqlite\"",
                .cacheControl: "no-store",
            ]
            headers[.backupSchemaVersion] = String(summary.schemaVersion)
            headers[.backupAPIs] = String(summary.apis)
            headers[.backupRoutes] = String(summary.routes)
            headers[.backupChangeRecords] = String(summary.changeRecords)
            return Response(status: .ok, headers: headers, body: download.body)
        }
    }

    /// The current UTC time as `20261202T161502Z`, for the download's file name.
    private static func fileStamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}
