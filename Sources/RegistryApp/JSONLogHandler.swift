import Foundation
import Logging
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
        var members: [String: String] = [
            "level": event.level.rawValue, "message": "\(event.message)", "logger": label,
            "time": Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
                .iso8601,
        ]
        for (key, value) in metadata { members[key] = "\(value)" }
        for (key, value) in event.metadata ?? [:] { members[key] = "\(value)" }
        var line: [UInt8] = [0x7B]
        line.reserveCapacity(256)
        for (index, key) in members.keys.sorted().enumerated() {
            if index > 0 { line.append(0x2C) }
            Self.appendJSONString(key, to: &line)
            line.append(0x3A)
            Self.appendJSONString(members[key]!, to: &line)
        }
        line += [0x7D, 0x0A]
        line.withUnsafeBytes { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }

    /// Appends `text` as a JSON string literal.
    static func appendJSONString(_ text: String, to line: inout [UInt8]) {
        line.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: line += [0x5C, 0x22]
            case 0x5C: line += [0x5C, 0x5C]
            case 0x0A: line += [0x5C, 0x6E]
            case 0x0D: line += [0x5C, 0x72]
            case 0x09: line += [0x5C, 0x74]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                line += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: line.append(byte)
            }
        }
        line.append(0x22)
    }
}
