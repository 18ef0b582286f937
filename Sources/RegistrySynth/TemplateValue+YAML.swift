extension TemplateValue {
    /// The conventional order of a CloudFormation template's top-level sections.
    static let cloudFormationOrder = [
        "AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Mappings", "Conditions", "Transform",
        "Resources", "Outputs",
    ]
    /// The conventional order of an OpenAPI document's top-level members.
    static let openAPIOrder = ["openapi", "info", "servers", "paths", "components", "security", "tags"]

    /// The value as YAML in block style, as people write it: keys and strings plain where YAML reads
    /// them back as the same string (``YAMLPlainScalar``), double-quoted otherwise (which YAML reads
    /// exactly as JSON does); a CloudFormation template's or an OpenAPI document's top-level members
    /// in their conventional order, every other map's keys sorted; intrinsic functions in their long
    /// form (`Ref:`, `Fn::Join:`). The same value always gives the same bytes.
    public var yaml: String { String(decoding: yamlBytes, as: UTF8.self) }

    /// ``yaml`` as UTF-8 bytes (what a response body needs, without a copy through `String`).
    public var yamlBytes: [UInt8] {
        var output = TemplateTextBuffer()
        switch self {
        case .map(let members) where !members.isEmpty:
            let order =
                members["AWSTemplateFormatVersion"] != nil
                ? Self.cloudFormationOrder : members["openapi"] != nil ? Self.openAPIOrder : []
            writeYAMLMembers(members, into: &output, indent: 0, order: order)
        case .list(let items) where !items.isEmpty: writeYAMLItems(items, into: &output, indent: 0)
        default:
            writeYAMLScalar(into: &output)
            output.append("\n")
        }
        return output.bytes
    }

    private func writeYAMLScalar(into output: inout TemplateTextBuffer) {
        switch self {
        case .string(let text): output.appendYAMLString(text)
        case .integer(let number): output.append(String(number))
        case .number(let number): output.append(number.isFinite ? "\(number)" : "0")
        case .boolean(let flag): output.append(flag ? "true" : "false")
        case .list: output.append("[]")
        case .map: output.append("{}")
        }
    }

    /// Writes a map's members: first those named in `order` (in that order), then the rest sorted.
    private func writeYAMLMembers(
        _ members: [String: TemplateValue], into output: inout TemplateTextBuffer, indent: Int, firstIndent: Int? = nil,
        order: [String] = []
    ) {
        let rank = { (key: String) in order.firstIndex(of: key) ?? order.count }
        let sorted = members.sorted { left, right in
            let (leftRank, rightRank) = (rank(left.key), rank(right.key))
            return leftRank != rightRank ? leftRank < rightRank : left.key < right.key
        }
        for (index, member) in sorted.enumerated() {
            output.appendSpaces(index == 0 ? firstIndent ?? indent : indent)
            output.appendYAMLString(member.key)
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
