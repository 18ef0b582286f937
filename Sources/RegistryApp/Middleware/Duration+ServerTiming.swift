extension Duration {
    /// The duration in milliseconds.
    var inMilliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }

    /// The duration in milliseconds with three decimals (`1.234`), as a `Server-Timing` `dur` value.
    /// Built from integers: it runs on every request, where `String(format:)` would cost more.
    var serverTimingMilliseconds: String {
        let microseconds = max(0, components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000)
        let fraction = String(microseconds % 1000)
        return "\(microseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
