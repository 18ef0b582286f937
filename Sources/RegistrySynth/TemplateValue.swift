/// A value of a synthesized document (a CloudFormation template, an OpenAPI export): JSON's data
/// model, with helpers for the CloudFormation intrinsic functions synthesis uses.
public indirect enum TemplateValue: Hashable, Sendable {
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A number with a fraction.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// A list.
    case list([TemplateValue])
    /// A map; rendered with sorted keys.
    case map([String: TemplateValue])

    /// `{"Ref": logicalID}`: a resource's primary identifier or a pseudo parameter.
    public static func ref(_ logicalID: String) -> TemplateValue { .map(["Ref": .string(logicalID)]) }

    /// `{"Fn::GetAtt": [logicalID, attribute]}`.
    public static func getAtt(_ logicalID: String, _ attribute: String) -> TemplateValue {
        .map(["Fn::GetAtt": .list([.string(logicalID), .string(attribute)])])
    }

    /// `{"Fn::Join": ["", parts]}`, with adjacent plain strings merged.
    public static func join(_ parts: [TemplateValue]) -> TemplateValue {
        var merged: [TemplateValue] = []
        for part in parts {
            if case .string(let text) = part, case .string(let previous)? = merged.last {
                merged[merged.count - 1] = .string(previous + text)
            } else if part != .string("") {
                merged.append(part)
            }
        }
        return .map(["Fn::Join": .list([.string(""), .list(merged)])])
    }

    /// A string list.
    public static func strings(_ values: [String]) -> TemplateValue { .list(values.map(TemplateValue.string)) }

    /// A string map.
    public static func strings(_ values: [String: String]) -> TemplateValue {
        .map(values.mapValues(TemplateValue.string))
    }
}
