/// One resource of a template: its type, properties and explicit dependencies.
public struct TemplateResource: Hashable, Sendable {
    /// The CloudFormation type, e.g. `AWS::ApiGatewayV2::Route`.
    public var type: String
    /// The properties; members whose value is `nil` are left out.
    public var properties: [String: TemplateValue]
    /// The logical IDs of resources CloudFormation must create first (what no `Ref` orders, such as an
    /// API mapping's stage, which the mapping names by its name); sorted.
    public var dependsOn: [String]

    /// Creates a resource; `nil` properties are dropped. The properties come as literal pairs, not a
    /// dictionary, so the absent ones (most of a route's) are never hashed.
    public init(type: String, properties: KeyValuePairs<String, TemplateValue?>, dependsOn: [String] = []) {
        self.type = type
        self.dependsOn = dependsOn.sorted()
        var present: [String: TemplateValue] = [:]
        present.reserveCapacity(properties.count)
        for (key, value) in properties {
            if let value { present[key] = value }
        }
        self.properties = present
    }

    /// The resource as a template value.
    var value: TemplateValue {
        var members = [String: TemplateValue](minimumCapacity: 3)
        members["Type"] = .string(type)
        if !properties.isEmpty { members["Properties"] = .map(properties) }
        if !dependsOn.isEmpty { members["DependsOn"] = .strings(dependsOn) }
        return .map(members)
    }
}
