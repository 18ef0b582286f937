import Foundation
import RegistryDomain

/// Encoding of structured members (maps, lists, nested settings) into TEXT columns as JSON.
enum JSONColumn {
    /// The JSON text of `value` with sorted keys, or `nil` for `nil`.
    /// - Throws: ``RegistryError/Code/internalFailure`` when the value cannot be encoded.
    static func encode<Value: Encodable>(_ value: Value?) throws(RegistryError) -> String? {
        guard let value else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw RegistryError(.internalFailure, "A \(Value.self) cannot be stored as JSON: \(error).")
        }
    }

    /// The value stored as JSON text, or `nil` for NULL.
    /// - Throws: ``RegistryError/Code/internalFailure`` when the stored text is not a `Value`.
    static func decode<Value: Decodable>(_ type: Value.Type, _ text: String?) throws(RegistryError) -> Value? {
        guard let text else { return nil }
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw RegistryError(.internalFailure, "A stored \(Value.self) cannot be read back: \(error).")
        }
    }
}
