/// One resource's change in a ``ChangeSet``.
public struct ResourceChange: Hashable, Sendable {
    /// What happens to the resource.
    public enum Action: String, Hashable, Sendable {
        /// It is created.
        case add = "Add"
        /// It is updated (or replaced: see ``ResourceChange/replacement``).
        case modify = "Modify"
        /// It is deleted.
        case remove = "Remove"
    }

    /// Whether a modified resource is replaced (a new physical resource, the old one deleted).
    public enum Replacement: String, Hashable, Sendable {
        /// It is replaced.
        case `true` = "True"
        /// It is updated in place.
        case `false` = "False"
        /// It is replaced if a value it depends on changes when the stack updates.
        case conditional = "Conditional"
    }

    /// The resource's logical ID.
    public var logicalID: String
    /// Its CloudFormation type.
    public var resourceType: String
    /// What happens to it.
    public var action: Action
    /// For ``Action/modify``, whether it is replaced; `nil` otherwise.
    public var replacement: Replacement?
    /// For ``Action/modify``, the properties that change, by name.
    public var details: [PropertyChange]

    /// Creates a resource change.
    public init(
        logicalID: String, resourceType: String, action: Action, replacement: Replacement?, details: [PropertyChange]
    ) {
        self.logicalID = logicalID
        self.resourceType = resourceType
        self.action = action
        self.replacement = replacement
        self.details = details
    }

    /// The replacement the property changes amount to.
    static func replacement(of details: [PropertyChange]) -> Replacement {
        if details.contains(where: { $0.requiresRecreation == .always }) { return .true }
        if details.contains(where: { $0.requiresRecreation == .conditionally }) { return .conditional }
        return .false
    }
}
