import Foundation
import Synchronization

/// A token bucket per principal: each may send `rate` requests per second on average, in bursts
/// of at most `rate`.
final class PrincipalRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let rate: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates a limiter allowing `rate` requests per second per principal.
    init(rate: Double) { self.rate = rate }

    /// Takes one request's token from `principal`'s bucket; `false` when the bucket is empty.
    func allow(_ principal: String, now: ContinuousClock.Instant = .now) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[principal] ?? Bucket(tokens: rate, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(rate, bucket.tokens + seconds * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[principal] = bucket
            return allowed
        }
    }
}
