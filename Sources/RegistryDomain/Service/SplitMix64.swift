/// SplitMix64: a small, fast pseudo-random generator. Its first output is a bijection of its seed,
/// so distinct seeds give distinct first outputs.
///
/// New identifiers are drawn from one seeded from the system's generator once per id: drawing an
/// identifier's characters straight from `SystemRandomNumberGenerator` costs a `getrandom` system
/// call per character (more with rejection sampling); ids need to be unlikely to collide (and are
/// checked unused anyway), not secret. Request ids and deterministic test shuffles use it too.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator starting from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
