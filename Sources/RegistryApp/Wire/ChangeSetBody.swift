import RegistrySynth

/// The wire form of a change set between two revisions of an API (GetChangeSet).
struct ChangeSetBody: Encodable {
    /// One resource's change.
    struct Change: Encodable {
        let action: String
        let details: [Detail]?
        let logicalId: String
        let replacement: String?
        let resourceType: String
    }

    /// One property's change.
    struct Detail: Encodable {
        let after: TemplateValue?
        let before: TemplateValue?
        let property: String
        let requiresRecreation: String
    }

    let changes: [Change]
    private(set) var fromRevision: Int?
    private(set) var toRevision: Int?

    /// The wire form of `changeSet`, the change from revision `from` to revision `to`.
    init(_ changeSet: ChangeSet, from: Int, to: Int) {
        fromRevision = from
        toRevision = to
        changes = changeSet.changes.map { change in
            Change(
                action: change.action.rawValue,
                details: change.action == .modify
                    ? change.details.map { detail in
                        Detail(
                            after: detail.after, before: detail.before, property: detail.property,
                            requiresRecreation: detail.requiresRecreation.rawValue)
                    } : nil,
                logicalId: change.logicalID, replacement: change.replacement?.rawValue,
                resourceType: change.resourceType)
        }
    }

    /// Leaves out the revision numbers (a dry run of a VPC link's or domain name's change, whose
    /// revisions are not the templates' APIs').
    mutating func omitRevisions() {
        fromRevision = nil
        toRevision = nil
    }
}
