import RegistryDomain
import Synchronization

/// Makes each request's identifiers: its request id in UUID form (`8-4-4-4-12` lowercase hex), the
/// same 128 bits as the id of a trace the request starts, and a 64-bit span id; unique within the
/// process and unpredictable from outside it, without a system call per request.
///
/// Each value is a counter mixed with random keys drawn once at start, then put through the first
/// output of ``SplitMix64``, a bijection on 64-bit integers: distinct counters give distinct ids.
/// `UUID()` would ask the kernel for randomness and format through Foundation on every request.
final class RequestIDGenerator: Sendable {
    /// One request's identifiers.
    struct Identity {
        /// The request id, e.g. `0f8fad5b-d9cb-469f-a165-70867728950e`.
        let requestID: String
        /// The request id's 128 bits: the trace id when the request starts a trace.
        let bits: (high: UInt64, low: UInt64)
        /// The request's span id (never zero).
        let spanID: UInt64
    }

    private let counter = Atomic<UInt64>(0)
    private let highKey: UInt64
    private let lowKey: UInt64
    private let spanKey: UInt64

    /// Creates a generator with fresh random keys.
    init() {
        var random = SystemRandomNumberGenerator()
        highKey = random.next()
        lowKey = random.next()
        spanKey = random.next()
    }

    /// The next request id.
    func next() -> String { nextIdentity().requestID }

    /// The next request's identifiers.
    func nextIdentity() -> Identity {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var highBits = SplitMix64(seed: number ^ highKey)
        var lowBits = SplitMix64(seed: number &+ lowKey)
        var spanBits = SplitMix64(seed: number ^ spanKey)
        let (high, low) = (highBits.next(), lowBits.next())
        // W3C forbids an all-zero span id; one in 2^64, but free to rule out.
        let span = max(spanBits.next(), 1)
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 0
        for (word, count) in [(high, 16), (low, 16)] {
            for index in 0..<count {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                text[position] = digits[Int((word >> UInt64(60 - 4 * index)) & 0xF)]
                position += 1
            }
        }
        return Identity(requestID: String(decoding: text, as: UTF8.self), bits: (high, low), spanID: span)
    }
}
