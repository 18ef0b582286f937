import Foundation

/// The mapping template GetModelTemplate answers for a model: a Velocity template that rebuilds a
/// body of the model's shape from the request, in the form API Gateway generates for REST API
/// models (`#set($inputRoot = $input.path('$'))`, one line per property, `#foreach` over arrays).
/// Properties come in name order, so the same schema always gives the same template.
struct ModelTemplate {
    /// The template text.
    let value: String

    /// The template for `schema` (JSON text already validated as an object); a schema without
    /// properties gives the identity template `$input.json('$')`.
    init(schema: String) {
        guard let root = try? JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any],
            let properties = root["properties"] as? [String: Any], !properties.isEmpty
        else {
            value = "$input.json('$')"
            return
        }
        var lines = ["#set($inputRoot = $input.path('$'))"]
        Self.object(properties, path: "$inputRoot", indent: "", into: &lines)
        value = lines.joined(separator: "\n")
    }

    private static func object(_ properties: [String: Any], path: String, indent: String, into lines: inout [String]) {
        lines.append(indent + "{")
        let names = properties.keys.sorted()
        for (index, name) in names.enumerated() {
            let comma = index < names.count - 1 ? "," : ""
            let schema = properties[name] as? [String: Any] ?? [:]
            let reference = "\(path).\(name)"
            switch schema["type"] as? String {
            case "string":
                lines.append("\(indent)  \"\(name)\" : \"\(reference)\"\(comma)")
            case "object":
                lines.append("\(indent)  \"\(name)\" : ")
                object(
                    schema["properties"] as? [String: Any] ?? [:], path: reference, indent: indent + "  ", into: &lines)
                lines[lines.count - 1] += comma
            case "array":
                let element = "$elem" + String(indent.count / 2)
                lines.append("\(indent)  \"\(name)\" : [")
                lines.append("#foreach(\(element) in \(reference))")
                let items = schema["items"] as? [String: Any] ?? [:]
                if items["type"] as? String == "object" {
                    object(
                        items["properties"] as? [String: Any] ?? [:], path: element, indent: indent + "    ",
                        into: &lines)
                    lines[lines.count - 1] += "#if($foreach.hasNext),#end"
                } else if items["type"] as? String == "string" {
                    lines.append("\(indent)    \"\(element)\"#if($foreach.hasNext),#end")
                } else {
                    lines.append("\(indent)    \(element)#if($foreach.hasNext),#end")
                }
                lines.append("#end")
                lines.append("\(indent)  ]\(comma)")
            default:
                lines.append("\(indent)  \"\(name)\" : \(reference)\(comma)")
            }
        }
        lines.append(indent + "}")
    }
}
