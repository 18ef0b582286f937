/// One property's change in a modified resource.
public struct PropertyChange: Hashable, Sendable {
    /// Whether changing the property replaces the resource.
    public enum Recreation: String, Hashable, Sendable {
        /// Never: the resource is updated in place.
        case never = "Never"
        /// If the value changes when the stack updates (it refers to a resource that is replaced).
        case conditionally = "Conditionally"
        /// Always: the property is create-only.
        case always = "Always"
    }

    /// The property's name (`Type` and `DependsOn` for those attributes of the resource).
    public var property: String
    /// The value before, `nil` when the property was absent.
    public var before: TemplateValue?
    /// The value after, `nil` when the property is removed.
    public var after: TemplateValue?
    /// Whether the change replaces the resource.
    public var requiresRecreation: Recreation

    /// Creates a property change.
    public init(property: String, before: TemplateValue?, after: TemplateValue?, requiresRecreation: Recreation) {
        self.property = property
        self.before = before
        self.after = after
        self.requiresRecreation = requiresRecreation
    }
}
