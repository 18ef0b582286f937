import Foundation
import RegistryDomain

/// How the pages show a time: `2026-12-02 13:45 UTC`, with the exact ISO-8601 time beside it in
/// a `<time datetime>` attribute.
struct PageTime {
    /// The ISO-8601 time, to the millisecond, in UTC.
    let iso: String
    /// The time to the minute, for reading.
    let when: String

    /// The display forms of `timestamp`.
    init(_ timestamp: Timestamp) {
        iso = timestamp.iso8601
        when = String(iso.prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}
