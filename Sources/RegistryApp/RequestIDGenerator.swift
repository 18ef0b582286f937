import Synchronization

/// Makes request ids in UUID form (`8-4-4-4-12` lowercase hex), unique within the process and
/// unpredictable from outside it, without a system call per request.
///
/// Each id is a counter mixed with two random keys drawn once at start by SplitMix64's finalizer, a
/// bijection on 64-bit integers: distinct counters give distinct ids. `UUID()` would ask the kernel
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
        let high = Self.mix(number ^ highKey)
        let low = Self.mix(number &+ lowKey)
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

    /// SplitMix64's output function: a bijection that spreads every input bit over the output.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
