extension TemplateValue {
    /// The value as JSON: keys sorted, two-space indentation, so equal values give equal bytes.
    public var json: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// ``json`` as UTF-8 bytes (what a response body needs, without a copy through `String`).
    public var jsonBytes: [UInt8] {
        var output = TemplateTextBuffer()
        writeJSON(into: &output, indent: 0)
        return output.bytes
    }

    private func writeJSON(into output: inout TemplateTextBuffer, indent: Int) {
        switch self {
        case .string(let text): output.appendQuoted(text)
        case .integer(let number): output.append(String(number))
        case .number(let number): output.append(number.isFinite ? "\(number)" : "0")
        case .boolean(let flag): output.append(flag ? "true" : "false")
        case .list(let items):
            guard !items.isEmpty else {
                output.append("[]")
                return
            }
            output.append("[\n")
            for (index, item) in items.enumerated() {
                output.appendSpaces(indent + 2)
                item.writeJSON(into: &output, indent: indent + 2)
                output.append(index == items.count - 1 ? "\n" : ",\n")
            }
            output.appendSpaces(indent)
            output.append("]")
        case .map(let members):
            guard !members.isEmpty else {
                output.append("{}")
                return
            }
            output.append("{\n")
            // Sorting the pairs, not the keys, spares a hash lookup per member; a single member
            // (every Ref and intrinsic function) needs no sorted copy at all.
            let sortedMembers = members.count == 1 ? Array(members) : members.sorted { $0.key < $1.key }
            for (index, member) in sortedMembers.enumerated() {
                output.appendSpaces(indent + 2)
                output.appendQuoted(member.key)
                output.append(": ")
                member.value.writeJSON(into: &output, indent: indent + 2)
                output.append(index == sortedMembers.count - 1 ? "\n" : ",\n")
            }
            output.appendSpaces(indent)
            output.append("}")
        }
    }
}

/// A UTF-8 byte buffer for rendering templates: appends bytes, not characters, and quotes strings
/// as JSON (which YAML reads the same way).
struct TemplateTextBuffer {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256 * 1024) }

    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    /// The rendered text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let chunk = min(left, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[0..<chunk])
            left -= chunk
        }
    }

    /// Appends `text` as a YAML string: plain where ``YAMLPlainScalar`` allows it, else quoted.
    mutating func appendYAMLString(_ text: String) {
        var text = text
        let plain = text.withUTF8 { utf8 -> Bool in
            guard YAMLPlainScalar.isSafe(utf8) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !plain { appendQuoted(text) }
    }

    /// Appends `text` as a JSON string literal.
    mutating func appendQuoted(_ text: String) {
        bytes.append(0x22)
        // Most template strings need no escaping: scan their contiguous UTF-8 and copy it in one go.
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F {
                return false
            }
            bytes.append(contentsOf: utf8)
            return true
        }
        if !copied {
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0..<0x20, 0x7F, 0x80...0x9F, 0x2028, 0x2029:
                    let hex = String(scalar.value, radix: 16)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(0x22)
    }
}
