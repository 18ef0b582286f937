import Foundation
import RegistryDomain
import Yams

/// One value of a definition (JSON or YAML, parsed by Yams) with the JSON pointer of its place, so
/// that every refusal names where in the document it is.
struct DefinitionNode {
    /// The parsed value.
    let node: Node
    /// Its place in the document, as a JSON pointer (`/paths/~1pets/get`).
    let pointer: String

    /// The document's root.
    /// - Throws: ``RegistryError/Code/badRequest`` when the text is neither JSON nor YAML, holds no
    ///   object, or is past ``YAMLDocument``'s limits.
    static func root(parsing text: String) throws(RegistryError) -> DefinitionNode {
        let parsed = try YAMLDocument.compose(text, what: "definition")
        guard let parsed, parsed.mapping != nil else {
            throw OpenAPIImporter.error("", "the definition must be a JSON or YAML object.")
        }
        return DefinitionNode(node: parsed, pointer: "")
    }

    /// The pointer of `key` under `pointer` (`~` and `/` escaped as RFC 6901 says).
    static func pointer(_ pointer: String, _ key: String) -> String {
        pointer + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// Whether this value is an object.
    var isObject: Bool { node.mapping != nil }

    /// The members of an object, in the document's order; `nil` for anything else.
    var members: [(key: String, value: DefinitionNode)]? {
        guard let mapping = node.mapping else { return nil }
        return mapping.map { pair in
            let key = pair.key.string ?? ""
            return (key, DefinitionNode(node: pair.value, pointer: Self.pointer(pointer, key)))
        }
    }

    /// The items of a list; `nil` for anything else.
    var items: [DefinitionNode]? {
        guard let sequence = node.sequence else { return nil }
        return sequence.enumerated().map { index, item in
            DefinitionNode(node: item, pointer: "\(pointer)/\(index)")
        }
    }

    /// The member `key`, if present (a `null` counts as absent).
    func member(_ key: String) -> DefinitionNode? {
        guard let mapping = node.mapping, let value = mapping[Node(key)] else { return nil }
        if value.scalar != nil, value.null != nil, value.scalar?.style == .plain { return nil }
        return DefinitionNode(node: value, pointer: Self.pointer(pointer, key))
    }

    /// The object member `key`.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is present and not an object.
    func object(_ key: String) throws(RegistryError) -> DefinitionNode? {
        guard let value = member(key) else { return nil }
        guard value.node.mapping != nil else { throw OpenAPIImporter.error(value.pointer, "must be an object.") }
        return value
    }

    /// This value as text (a number or boolean is taken as its text, as AWS reads them).
    /// - Throws: ``RegistryError/Code/badRequest`` for an object or a list.
    func text() throws(RegistryError) -> String {
        guard let scalar = node.scalar else { throw OpenAPIImporter.error(pointer, "must be a string.") }
        return scalar.string
    }

    /// The text of member `key`.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is present and not a scalar.
    func string(_ key: String) throws(RegistryError) -> String? {
        try member(key).map { value throws(RegistryError) in try value.text() }
    }

    /// The integer member `key`.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is present and not an integer.
    func integer(_ key: String) throws(RegistryError) -> Int? {
        guard let value = member(key) else { return nil }
        guard let number = value.node.int ?? value.node.scalar.flatMap({ Int($0.string) }) else {
            throw OpenAPIImporter.error(value.pointer, "must be an integer.")
        }
        return number
    }

    /// The boolean member `key`.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is present and not a boolean.
    func boolean(_ key: String) throws(RegistryError) -> Bool? {
        guard let value = member(key) else { return nil }
        guard let flag = value.node.bool else { throw OpenAPIImporter.error(value.pointer, "must be a boolean.") }
        return flag
    }

    /// The list-of-strings member `key`.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is present and not a list of strings.
    func strings(_ key: String) throws(RegistryError) -> [String]? {
        guard let value = member(key) else { return nil }
        guard let items = value.items else { throw OpenAPIImporter.error(value.pointer, "must be a list of strings.") }
        var strings: [String] = []
        for item in items { strings.append(try item.text()) }
        return strings
    }

    /// The string-to-string map member `key`.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is present and not such a map.
    func stringMap(_ key: String) throws(RegistryError) -> [String: String]? {
        guard let value = try object(key), let members = value.members else { return nil }
        var map: [String: String] = [:]
        for (name, item) in members { map[name] = try item.text() }
        return map
    }
}
