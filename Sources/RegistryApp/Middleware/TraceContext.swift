/// A request's place in a distributed trace, as W3C Trace Context's `traceparent` header carries it
/// (`00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>`).
///
/// A valid incoming header continues its trace: this request's span is a child of the caller's.
/// An absent or invalid one (wrong length or characters, an all-zero id, version `ff`) starts a new
/// trace here, as the recommendation says a receiver does. Ids are kept as integers (a context is
/// copied into every middleware) and spelled in hex only when a log line or a header needs them.
public struct TraceContext: Sendable {
    /// The trace id's high and low 64 bits.
    public let traceID: (high: UInt64, low: UInt64)
    /// This request's span id.
    public let spanID: UInt64
    /// The caller's span id, when the request continued a trace.
    public let parentSpanID: UInt64?
    /// The trace flags: bit 0 set when sampled.
    public let flags: UInt8

    /// Continues the trace of `header` with `spanID`, or, when `header` is absent or invalid, starts
    /// the trace `newTraceID` (sampled).
    public init(header: String?, spanID: UInt64, newTraceID: (high: UInt64, low: UInt64)) {
        self.spanID = spanID
        if let header, let parsed = Self.parse(header) {
            traceID = parsed.traceID
            parentSpanID = parsed.parentID
            flags = parsed.flags
        } else {
            traceID = newTraceID
            parentSpanID = nil
            flags = 1
        }
    }

    /// Whether the request continued a caller's trace.
    public var continued: Bool { parentSpanID != nil }

    /// The trace id: 32 lowercase hex digits.
    public var traceIDText: String { Self.hex(traceID.high) + Self.hex(traceID.low) }

    /// This request's span id: 16 lowercase hex digits.
    public var spanIDText: String { Self.hex(spanID) }

    /// The `traceparent` the caller sent (as version 00), or the one that starts this trace.
    public var incomingOrStarted: String {
        // Written once into one 55-byte string: it goes on every request's log line.
        String(unsafeUninitializedCapacity: 55) { buffer in
            var position = 0
            func put(_ value: UInt64, digits: Int) {
                for index in 0..<digits {
                    let nibble = UInt8((value >> UInt64(4 * (digits - 1 - index))) & 0xF)
                    buffer[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                    position += 1
                }
            }
            func dash() {
                buffer[position] = UInt8(ascii: "-")
                position += 1
            }
            put(0, digits: 2)
            dash()
            put(traceID.high, digits: 16)
            put(traceID.low, digits: 16)
            dash()
            put(parentSpanID ?? spanID, digits: 16)
            dash()
            put(UInt64(flags), digits: 2)
            return position
        }
    }

    /// The parts of a valid `traceparent` value.
    static func parse(
        _ header: String
    ) -> (traceID: (high: UInt64, low: UInt64), parentID: UInt64, flags: UInt8)? {
        var header = header
        return header.withUTF8 { bytes -> (traceID: (high: UInt64, low: UInt64), parentID: UInt64, flags: UInt8)? in
            // Version 00 is exactly 55 characters; a later version may append fields after a dash.
            guard bytes.count >= 55, bytes.count == 55 || bytes[55] == UInt8(ascii: "-"),
                bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-")
            else { return nil }
            func number(_ range: Range<Int>) -> UInt64? {
                var value: UInt64 = 0
                for byte in bytes[range] {
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(byte - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"):
                        value = value << 4 | UInt64(byte - UInt8(ascii: "a") + 10)
                    default: return nil
                    }
                }
                return value
            }
            guard let version = number(0..<2), version != 0xFF, version != 0 || bytes.count == 55,
                let high = number(3..<19), let low = number(19..<35), high != 0 || low != 0,
                let parent = number(36..<52), parent != 0, let flags = number(53..<55)
            else { return nil }
            return ((high, low), parent, UInt8(flags))
        }
    }

    /// `value` as lowercase hex digits, two per byte of its type.
    static func hex<Value: FixedWidthInteger>(_ value: Value) -> String {
        let digits = Value.bitWidth / 4
        return String(unsafeUninitializedCapacity: digits) { buffer in
            for index in 0..<digits {
                let nibble = Int((value >> (Value.bitWidth - 4 * (index + 1))) & 0xF)
                buffer[index] = UInt8(ascii: nibble < 10 ? "0" : "a") + UInt8(nibble < 10 ? nibble : nibble - 10)
            }
            return digits
        }
    }
}
