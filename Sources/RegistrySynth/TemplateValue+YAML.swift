extension TemplateValue {
    /// The value as YAML in block style, keys sorted, every string double-quoted (which YAML reads
    /// exactly as JSON does), intrinsic functions in their long form (`Ref:`, `Fn::Join:`).
    public var yaml: String { String(decoding: yamlBytes, as: UTF8.self) }

    /// ``yaml`` as UTF-8 bytes (what a response body needs, without a copy through `String`).
    public var yamlBytes: [UInt8] {
        var output = TemplateTextBuffer()
        switch self {
        case .map(let members) where !members.isEmpty: writeYAMLMembers(members, into: &output, indent: 0)
        case .list(let items) where !items.isEmpty: writeYAMLItems(items, into: &output, indent: 0)
        default:
            writeYAMLScalar(into: &output)
            output.append("\n")
        }
        return output.bytes
    }

    private func writeYAMLScalar(into output: inout TemplateTextBuffer) {
        switch self {
        case .string(let text): output.appendQuoted(text)
        case .integer(let number): output.append(String(number))
        case .number(let number): output.append(number.isFinite ? "\(number)" : "0")
        case .boolean(let flag): output.append(flag ? "true" : "false")
        case .list: output.append("[]")
        case .map: output.append("{}")
        }
    }

    private func writeYAMLMembers(
        _ members: [String: TemplateValue], into output: inout TemplateTextBuffer, indent: Int, firstIndent: Int? = nil
    ) {
        for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            output.appendSpaces(index == 0 ? firstIndent ?? indent : indent)
            output.appendQuoted(member.key)
            output.append(":")
            member.value.writeYAMLValue(into: &output, indent: indent)
        }
    }

    private func writeYAMLItems(_ items: [TemplateValue], into output: inout TemplateTextBuffer, indent: Int) {
        for item in items {
            output.appendSpaces(indent)
            output.append("-")
            switch item {
            case .map(let members) where !members.isEmpty:
                // The first member goes on the dash's line; the others align under it.
                output.append(" ")
                item.writeYAMLMembers(members, into: &output, indent: indent + 2, firstIndent: 0)
            default:
                item.writeYAMLValue(into: &output, indent: indent)
            }
        }
    }

    /// Writes what follows `key:` or `-`: a scalar on the same line, or a block on the next lines.
    private func writeYAMLValue(into output: inout TemplateTextBuffer, indent: Int) {
        switch self {
        case .map(let members) where !members.isEmpty:
            output.append("\n")
            writeYAMLMembers(members, into: &output, indent: indent + 2)
        case .list(let items) where !items.isEmpty:
            output.append("\n")
            writeYAMLItems(items, into: &output, indent: indent + 2)
        default:
            output.append(" ")
            writeYAMLScalar(into: &output)
            output.append("\n")
        }
    }
}
