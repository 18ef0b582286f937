import Foundation
public import Logging
import RegistryDomain

/// A swift-log handler that writes one JSON object per line to standard error.
///
/// Lines are built by hand (sorted keys, JSON string escaping) and written with one `write(2)`:
/// the handler runs once per request, so it must cost microseconds, not an encoder's setup.
public struct JSONLogHandler: LogHandler {
    /// Metadata attached to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// The least severe level written.
    public var logLevel: Logger.Level = .info
    private let label: String

    /// Creates a handler for the logger named `label`.
    public init(label: String) { self.label = label }

    /// One metadata value of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one JSON line.
    public func log(event: LogEvent) {
        // An array of pairs, not a dictionary: a line has about ten members, and sorting ten
        // pairs costs less than hashing them.
        var members: [(key: String, value: String)] = [
            ("level", event.level.rawValue), ("message", "\(event.message)"), ("logger", label),
            (
                "time",
                Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))).iso8601
            ),
        ]
        members.reserveCapacity(members.count + metadata.count + (event.metadata?.count ?? 0))
        // Later sources win, as in a dictionary: the event's metadata over the logger's over the basics.
        for (key, value) in metadata { Self.set(key, "\(value)", in: &members) }
        for (key, value) in event.metadata ?? [:] { Self.set(key, "\(value)", in: &members) }
        members.sort { $0.key < $1.key }
        var line: [UInt8] = [0x7B]
        line.reserveCapacity(256)
        for (index, member) in members.enumerated() {
            if index > 0 { line.append(0x2C) }
            JSONWriter.appendQuoted(member.key, to: &line)
            line.append(0x3A)
            JSONWriter.appendQuoted(member.value, to: &line)
        }
        line += [0x7D, 0x0A]
        line.withUnsafeBytes { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }

    private static func set(_ key: String, _ value: String, in members: inout [(key: String, value: String)]) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append((key, value))
        }
    }
}
