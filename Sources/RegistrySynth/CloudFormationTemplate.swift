/// A synthesized CloudFormation template.
public struct CloudFormationTemplate: Hashable, Sendable {
    /// The template's description.
    public var description: String
    /// Template metadata (how synthesis decided what it decided).
    public var metadata: [String: TemplateValue]
    /// The resources by logical ID.
    public var resources: [String: TemplateResource]
    /// The outputs by logical ID.
    public var outputs: [String: TemplateValue]

    /// Creates a template.
    public init(
        description: String, metadata: [String: TemplateValue] = [:], resources: [String: TemplateResource] = [:],
        outputs: [String: TemplateValue] = [:]
    ) {
        self.description = description
        self.metadata = metadata
        self.resources = resources
        self.outputs = outputs
    }

    /// The whole template as a value.
    public var value: TemplateValue {
        var members: [String: TemplateValue] = [
            "AWSTemplateFormatVersion": .string("2010-09-09"),
            "Description": .string(description),
            "Resources": .map(resources.mapValues(\.value)),
        ]
        if !metadata.isEmpty { members["Metadata"] = .map(metadata) }
        if !outputs.isEmpty { members["Outputs"] = .map(outputs) }
        return .map(members)
    }

    /// The template as JSON (sorted keys, same bytes for the same content), ending in a newline.
    public var json: String { String(decoding: jsonBytes, as: UTF8.self) }

    /// The template as YAML (sorted keys, long-form intrinsic functions).
    public var yaml: String { value.yaml }

    /// ``json`` as UTF-8 bytes.
    public var jsonBytes: [UInt8] { value.jsonBytes + [0x0A] }

    /// ``yaml`` as UTF-8 bytes.
    public var yamlBytes: [UInt8] { value.yamlBytes }

    /// How many resources of `type` the template has.
    public func count(of type: String) -> Int { resources.values.filter { $0.type == type }.count }
}
