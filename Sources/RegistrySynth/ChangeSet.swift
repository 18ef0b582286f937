/// What CloudFormation would do to a stack deployed from one template when it is updated to
/// another: the change set, resource by resource, computed from the two templates alone.
///
/// Resources are matched by logical ID: one only in the new template is added, one only in the old
/// is removed, one in both whose type, properties or dependencies differ is modified. A modified
/// resource is replaced when a property it changes is create-only in the resource's CloudFormation
/// schema (``CreateOnlyProperties``); a resource whose property refers (`Ref`, `Fn::GetAtt`) to a
/// resource that is replaced is modified too, because the value it will get is new, and replaced
/// conditionally when that property is create-only, as CloudFormation reports it.
public struct ChangeSet: Hashable, Sendable {
    /// The changes, by logical ID.
    public var changes: [ResourceChange]

    /// Creates a change set from its changes.
    public init(changes: [ResourceChange]) { self.changes = changes }

    /// The change set that updates a stack from `before` to `after`; `nil` stands for no stack
    /// (an API before it was created, or after it was deleted).
    public init(from before: CloudFormationTemplate?, to after: CloudFormationTemplate?) {
        let old = before?.resources ?? [:]
        let new = after?.resources ?? [:]
        var changes: [String: ResourceChange] = [:]
        for (logicalID, resource) in new where old[logicalID] == nil {
            changes[logicalID] = ResourceChange(
                logicalID: logicalID, resourceType: resource.type, action: .add, replacement: nil, details: [])
        }
        for (logicalID, resource) in old where new[logicalID] == nil {
            changes[logicalID] = ResourceChange(
                logicalID: logicalID, resourceType: resource.type, action: .remove, replacement: nil, details: [])
        }
        for (logicalID, resource) in new {
            guard let previous = old[logicalID] else { continue }
            let details = Self.details(from: previous, to: resource)
            guard !details.isEmpty else { continue }
            changes[logicalID] = ResourceChange(
                logicalID: logicalID, resourceType: resource.type, action: .modify,
                replacement: ResourceChange.replacement(of: details), details: details)
        }
        Self.propagateReplacements(into: &changes, old: old, new: new)
        self.changes = changes.values.sorted { $0.logicalID < $1.logicalID }
    }

    /// The property changes between two versions of one resource.
    private static func details(from old: TemplateResource, to new: TemplateResource) -> [PropertyChange] {
        var details: [PropertyChange] = []
        if old.type != new.type {
            details.append(
                PropertyChange(
                    property: "Type", before: .string(old.type), after: .string(new.type), requiresRecreation: .always))
        }
        let createOnly = CreateOnlyProperties.byType[new.type] ?? []
        for name in Set(old.properties.keys).union(new.properties.keys).sorted()
        where old.properties[name] != new.properties[name] {
            details.append(
                PropertyChange(
                    property: name, before: old.properties[name], after: new.properties[name],
                    requiresRecreation: createOnly.contains(name) ? .always : .never))
        }
        if old.dependsOn != new.dependsOn {
            details.append(
                PropertyChange(
                    property: "DependsOn", before: old.dependsOn.isEmpty ? nil : .strings(old.dependsOn),
                    after: new.dependsOn.isEmpty ? nil : .strings(new.dependsOn), requiresRecreation: .never))
        }
        return details
    }

    /// Marks what refers to a replaced resource, until nothing more changes: such a property gets a
    /// new value when the stack updates even though its text is the same.
    private static func propagateReplacements(
        into changes: inout [String: ResourceChange], old: [String: TemplateResource],
        new: [String: TemplateResource]
    ) {
        var replaced = Set(changes.values.filter { $0.replacement == .true }.map(\.logicalID))
        var settled = false
        while !settled {
            settled = true
            for (logicalID, resource) in new.sorted(by: { $0.key < $1.key }) {
                guard old[logicalID] != nil, !replaced.contains(logicalID) else { continue }
                let createOnly = CreateOnlyProperties.byType[resource.type] ?? []
                var change =
                    changes[logicalID]
                    ?? ResourceChange(
                        logicalID: logicalID, resourceType: resource.type, action: .modify, replacement: .false,
                        details: [])
                var added = false
                for (name, value) in resource.properties.sorted(by: { $0.key < $1.key })
                where !change.details.contains(where: { $0.property == name })
                    && !value.referencedLogicalIDs.isDisjoint(with: replaced)
                {
                    change.details.append(
                        PropertyChange(
                            property: name, before: old[logicalID]?.properties[name], after: value,
                            requiresRecreation: createOnly.contains(name) ? .conditionally : .never))
                    added = true
                }
                guard added else { continue }
                change.details.sort { $0.property < $1.property }
                change.replacement = ResourceChange.replacement(of: change.details)
                changes[logicalID] = change
                if change.replacement != .false {
                    replaced.insert(logicalID)
                    settled = false
                }
            }
        }
    }
}
