// libyaml's event parser, which Yams is built on, reads a document without recursing.
import CYaml
import RegistryDomain
import Yams

/// Parses a document (JSON or YAML: a definition, a template) within the limits a shared service
/// needs before handing it to Yams, whose composer recurses once per level of nesting and copies
/// each alias: a document nested thousands of levels deep would overflow the stack, and a few lines
/// of nested aliases ("billion laughs") expand to billions of values.
///
/// The limits are checked first on libyaml's events, one pass without recursion and without
/// building anything, so a hostile document costs no more than reading it once.
enum YAMLDocument {
    /// The deepest nesting accepted (real templates and definitions nest a few dozen levels).
    static let maximumDepth = 128
    /// The most values a document may hold once its aliases are expanded (a document within the
    /// body limit holds fewer without aliases).
    static let maximumValues = 1_000_000

    /// The parsed root of `text`, `nil` for an empty document.
    /// - Throws: ``RegistryError/Code/badRequest`` ("Errors found during import: /: …", naming
    ///   `what` the text is) for text that is not JSON or YAML, nests deeper than
    ///   ``maximumDepth``, or expands past ``maximumValues``.
    static func compose(_ text: String, what: String) throws(RegistryError) -> Node? {
        switch measure(text) {
        case .tooDeep: throw refusal("the \(what) nests deeper than \(maximumDepth) levels.")
        case .tooLarge:
            throw refusal("the \(what) expands to more than \(maximumValues) values (through YAML aliases).")
        case .fits, .unreadable: break  // Yams reports what it cannot read, with its place.
        }
        do {
            return try Yams.compose(yaml: text)
        } catch {
            // The parser's first line says where and what; the lines after it quote the document.
            let reason = String(describing: error).split(separator: "\n").first ?? ""
            throw refusal("the \(what) is neither JSON nor YAML (\(reason.prefix(200))).")
        }
    }

    private static func refusal(_ message: String) -> RegistryError {
        .badRequest("Errors found during import: /: \(message)")
    }

    /// What one pass over a document's events finds.
    enum Measure: Equatable {
        /// Within both limits.
        case fits
        /// Nested deeper than ``maximumDepth``.
        case tooDeep
        /// More than ``maximumValues`` values once aliases are expanded.
        case tooLarge
        /// Not JSON or YAML.
        case unreadable
    }

    /// Measures `text` on libyaml's events: the open collections give the depth; each value counts
    /// one, a collection the values in it, an alias the values of what its anchor names.
    static func measure(_ text: String) -> Measure {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .unreadable }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Measure in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // The values counted so far in each open collection, and the anchor it carries.
            var open: [(values: Int, anchor: String?)] = []
            var anchored: [String: Int] = [:]
            var total = 0
            func close(_ values: Int, anchor: String?) {
                if let anchor { anchored[anchor] = values }
                if !open.isEmpty { open[open.count - 1].values += values }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return .unreadable }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT: return .fits
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let anchor =
                        event.type == YAML_SEQUENCE_START_EVENT
                        ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    open.append((1, anchor.map { String(cString: $0) }))
                    guard open.count <= maximumDepth else { return .tooDeep }
                    total += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let collection = open.popLast() else { return .unreadable }
                    close(collection.values, anchor: collection.anchor)
                case YAML_SCALAR_EVENT:
                    total += 1
                    close(1, anchor: event.data.scalar.anchor.map { String(cString: $0) })
                case YAML_ALIAS_EVENT:
                    let values = event.data.alias.anchor.map { anchored[String(cString: $0)] ?? 1 } ?? 1
                    total += values
                    close(values, anchor: nil)
                default: break
                }
                guard total <= maximumValues else { return .tooLarge }
            }
        }
    }
}
