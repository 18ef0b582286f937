/// One resource of a template: its type and properties.
public struct TemplateResource: Hashable, Sendable {
    /// The CloudFormation type, e.g. `AWS::ApiGatewayV2::Route`.
    public var type: String
    /// The properties; members whose value is `nil` are left out.
    public var properties: [String: TemplateValue]

    /// Creates a resource; `nil` properties are dropped.
    public init(type: String, properties: [String: TemplateValue?]) {
        self.type = type
        self.properties = properties.compactMapValues { $0 }
    }

    /// The resource as a template value.
    var value: TemplateValue {
        properties.isEmpty
            ? .map(["Type": .string(type)]) : .map(["Type": .string(type), "Properties": .map(properties)])
    }
}
