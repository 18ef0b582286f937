/// One resource of a template: its type and properties.
public struct TemplateResource: Hashable, Sendable {
    /// The CloudFormation type, e.g. `AWS::ApiGatewayV2::Route`.
    public var type: String
    /// The properties; members whose value is `nil` are left out.
    public var properties: [String: TemplateValue]

    /// Creates a resource; `nil` properties are dropped. The properties come as literal pairs, not a
    /// dictionary, so the absent ones (most of a route's) are never hashed.
    public init(type: String, properties: KeyValuePairs<String, TemplateValue?>) {
        self.type = type
        var present: [String: TemplateValue] = [:]
        present.reserveCapacity(properties.count)
        for (key, value) in properties {
            if let value { present[key] = value }
        }
        self.properties = present
    }

    /// The resource as a template value.
    var value: TemplateValue {
        properties.isEmpty
            ? .map(["Type": .string(type)]) : .map(["Type": .string(type), "Properties": .map(properties)])
    }
}
