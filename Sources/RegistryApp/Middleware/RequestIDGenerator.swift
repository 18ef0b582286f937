import RegistryDomain
import Synchronization

/// Makes request ids in UUID form (`8-4-4-4-12` lowercase hex), unique within the process and
/// unpredictable from outside it, without a system call per request.
///
/// Each id is a counter mixed with two random keys drawn once at start, then put through the first
/// output of ``SplitMix64``, a bijection on 64-bit integers: distinct counters give distinct ids. `UUID()` would ask the kernel
/// for randomness and format through Foundation on every request.
final class RequestIDGenerator: Sendable {
    private let counter = Atomic<UInt64>(0)
    private let highKey: UInt64
    private let lowKey: UInt64

    /// Creates a generator with fresh random keys.
    init() {
        var random = SystemRandomNumberGenerator()
        highKey = random.next()
        lowKey = random.next()
    }

    /// The next request id.
    func next() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var highBits = SplitMix64(seed: number ^ highKey)
        var lowBits = SplitMix64(seed: number &+ lowKey)
        let (high, low) = (highBits.next(), lowBits.next())
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
        return String(decoding: text, as: UTF8.self)
    }
}
