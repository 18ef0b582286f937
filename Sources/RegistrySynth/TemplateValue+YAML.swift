extension TemplateValue {
    /// The value as YAML in block style, keys sorted, every string double-quoted (which YAML reads
    /// exactly as JSON does), intrinsic functions in their long form (`Ref:`, `Fn::Join:`).
    public var yaml: String {
        var output = ""
        output.reserveCapacity(4096)
        switch self {
        case .map(let members) where !members.isEmpty: writeYAMLMembers(members, into: &output, indent: 0)
        case .list(let items) where !items.isEmpty: writeYAMLItems(items, into: &output, indent: 0)
        default:
            writeYAMLScalar(into: &output)
            output += "\n"
        }
        return output
    }

    private var isYAMLBlock: Bool {
        switch self {
        case .map(let members): !members.isEmpty
        case .list(let items): !items.isEmpty
        default: false
        }
    }

    private func writeYAMLScalar(into output: inout String) {
        switch self {
        case .string(let text): Self.writeJSONString(text, into: &output)
        case .integer(let number): output += String(number)
        case .number(let number): output += number.isFinite ? "\(number)" : "0"
        case .boolean(let flag): output += flag ? "true" : "false"
        case .list: output += "[]"
        case .map: output += "{}"
        }
    }

    private func writeYAMLMembers(_ members: [String: TemplateValue], into output: inout String, indent: Int) {
        let padding = String(repeating: " ", count: indent)
        for key in members.keys.sorted() {
            let value = members[key]!
            output += padding
            Self.writeJSONString(key, into: &output)
            output += ":"
            value.writeYAMLValue(into: &output, indent: indent)
        }
    }

    private func writeYAMLItems(_ items: [TemplateValue], into output: inout String, indent: Int) {
        let padding = String(repeating: " ", count: indent)
        for item in items {
            output += padding + "-"
            switch item {
            case .map(let members) where !members.isEmpty:
                // The first member goes on the dash's line; the others align under it.
                var nested = ""
                item.writeYAMLMembers(members, into: &nested, indent: indent + 2)
                output += " " + nested.dropFirst(indent + 2)
            default:
                item.writeYAMLValue(into: &output, indent: indent)
            }
        }
    }

    /// Writes what follows `key:` or `-`: a scalar on the same line, or a block on the next lines.
    private func writeYAMLValue(into output: inout String, indent: Int) {
        switch self {
        case .map(let members) where !members.isEmpty:
            output += "\n"
            writeYAMLMembers(members, into: &output, indent: indent + 2)
        case .list(let items) where !items.isEmpty:
            output += "\n"
            writeYAMLItems(items, into: &output, indent: indent + 2)
        default:
            output += " "
            writeYAMLScalar(into: &output)
            output += "\n"
        }
    }
}
