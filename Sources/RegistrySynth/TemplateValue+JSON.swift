extension TemplateValue {
    /// The value as JSON: keys sorted, two-space indentation, so equal values give equal bytes.
    public var json: String {
        var output = ""
        output.reserveCapacity(4096)
        writeJSON(into: &output, indent: 0)
        return output
    }

    private func writeJSON(into output: inout String, indent: Int) {
        switch self {
        case .string(let text): Self.writeJSONString(text, into: &output)
        case .integer(let number): output += String(number)
        case .number(let number): output += number.isFinite ? "\(number)" : "0"
        case .boolean(let flag): output += flag ? "true" : "false"
        case .list(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                item.writeJSON(into: &output, indent: indent + 2)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .map(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                Self.writeJSONString(key, into: &output)
                output += ": "
                members[key]!.writeJSON(into: &output, indent: indent + 2)
                output += index == keys.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// Writes `text` as a JSON string literal.
    static func writeJSONString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
