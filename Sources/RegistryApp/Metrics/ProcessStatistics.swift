import Foundation

/// The process's own figures, read from `/proc` (Linux) when a scrape asks for them: what
/// Prometheus's standard process collector reports.
struct ProcessStatistics: Sendable {
    /// Resident memory, in bytes.
    var residentBytes: Int64
    /// Virtual memory, in bytes.
    var virtualBytes: Int64
    /// Open file descriptors.
    var openDescriptors: Int
    /// The most descriptors the process may open (its soft limit).
    var maximumDescriptors: Int
    /// When the process started, in seconds since the Unix epoch.
    var startTime: Double

    /// The figures now; zero where `/proc` cannot be read.
    static func current(startedAt startTime: Double) -> ProcessStatistics {
        let pageSize = Int64(sysconf(Int32(_SC_PAGESIZE)))
        // statm: size resident shared text lib data dt, in pages.
        let statm =
            (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?
            .split(separator: " ").compactMap { Int64($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? []
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        var limit = rlimit()
        let maximum = getrlimit(descriptorLimitResource, &limit) == 0 ? Int(clamping: limit.rlim_cur) : 0
        return ProcessStatistics(
            residentBytes: statm.count > 1 ? statm[1] * pageSize : 0,
            virtualBytes: statm.first.map { $0 * pageSize } ?? 0,
            // The directory listing's own descriptor is counted while it is open.
            openDescriptors: max(0, descriptors - 1), maximumDescriptors: maximum, startTime: startTime)
    }
}

#if canImport(Glibc)
    import Glibc
    /// `RLIMIT_NOFILE` as `getrlimit` takes it (Glibc imports it as an enum case).
    private let descriptorLimitResource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
#else
    private let descriptorLimitResource = RLIMIT_NOFILE
#endif
