import Foundation

/// Encoding of structured members (maps, lists, nested settings) into TEXT columns as JSON.
enum JSONColumn {
    /// The JSON text of `value` with sorted keys, or `nil` for `nil`.
    static func encode<Value: Encodable>(_ value: Value?) throws -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value stored as JSON text, or `nil` for NULL.
    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String?) throws -> Value? {
        guard let text else { return nil }
        return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    }
}
