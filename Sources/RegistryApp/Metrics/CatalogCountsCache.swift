import RegistryDomain
import Synchronization

/// The catalog's counts for the metrics, read again only when older than ``lifetime``: counting a
/// million routes takes milliseconds, and scrapers may come often.
final class CatalogCountsCache: Sendable {
    /// How long a reading is reused.
    static let lifetime: Duration = .seconds(5)

    private let service: RegistryService
    private let reading = Mutex<(at: ContinuousClock.Instant, counts: CatalogCounts)?>(nil)

    /// A cache over `service`'s counts.
    init(service: RegistryService) { self.service = service }

    /// The counts, read now unless a reading is younger than ``lifetime``.
    /// - Throws: the store's failure.
    func counts() async throws(RegistryError) -> CatalogCounts {
        let now = ContinuousClock.now
        if let cached = reading.withLock({ $0 }), now - cached.at < Self.lifetime { return cached.counts }
        let counts = try await service.catalogCounts()
        reading.withLock { $0 = (now, counts) }
        return counts
    }
}
