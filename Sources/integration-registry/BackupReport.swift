import Foundation
import RegistryDomain

/// What `backup` and `restore` print: what was done and what the copy holds.
struct BackupReport {
    /// What the copy holds.
    let summary: BackupSummary
    /// What was done, e.g. `backed up a.sqlite to b.sqlite`.
    let action: String

    /// Lines for a person, or (with `json`) one JSON object for a script.
    func text(json: Bool) -> String {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(summary)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        }
        let counts = [
            "schema version \(summary.schemaVersion)", counted(summary.apis, "API"), counted(summary.routes, "route"),
            counted(summary.integrations, "integration"), counted(summary.vpcLinks, "VPC link"),
            counted(summary.domainNames, "domain name"), counted(summary.changeRecords, "change record"),
            ByteCountFormatter.string(fromByteCount: summary.bytes, countStyle: .file),
        ]
        return [action, counts.joined(separator: ", "), "checks: integrity_check ok, migration ledger known"]
            .joined(separator: "\n")
    }

    private func counted(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
