/// A point in time, in whole milliseconds since 1970-01-01T00:00:00Z (UTC).
///
/// The domain keeps time as a plain number so that it needs no Foundation; the HTTP layer renders
/// it as ISO-8601.
public struct Timestamp: Hashable, Sendable, Comparable, Codable {
    /// Milliseconds since the Unix epoch.
    public let millisecondsSinceEpoch: Int64

    /// Creates a timestamp from milliseconds since the Unix epoch.
    public init(millisecondsSinceEpoch: Int64) { self.millisecondsSinceEpoch = millisecondsSinceEpoch }

    /// Orders by the wire text.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }
}
