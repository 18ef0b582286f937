import RegistryDomain

/// The wire form of a change record: an item of GetRevisions (the API's own revisions) or, with
/// the catalog-wide sequence number and the API, VPC link or domain name it counts towards, of
/// GetChanges (the audit log).
struct ChangeBody: Encodable {
    let apiId: String?
    let changeSequence: Int64?
    let createdDate: String
    let domainName: String?
    let operation: String
    let principal: String
    let requestId: String?
    let resourceId: String
    let resourceType: String
    let revision: Int
    let vpcLinkId: String?

    /// The wire form of `change` as a revision of its API (GetRevisions, GetRevision).
    static func revision(_ change: Change) -> ChangeBody { ChangeBody(change, inAuditLog: false) }

    /// The wire form of `change` in the audit log (GetChanges).
    static func auditLogItem(_ change: Change) -> ChangeBody { ChangeBody(change, inAuditLog: true) }

    private init(_ change: Change, inAuditLog: Bool) {
        switch (inAuditLog, change.stream) {
        case (false, _): (apiId, vpcLinkId, domainName) = (nil, nil, nil)
        case (true, .api(let id)): (apiId, vpcLinkId, domainName) = (id.rawValue, nil, nil)
        case (true, .vpcLink(let id)): (apiId, vpcLinkId, domainName) = (nil, id.rawValue, nil)
        case (true, .domainName(let name)): (apiId, vpcLinkId, domainName) = (nil, nil, name.rawValue)
        }
        changeSequence = inAuditLog ? change.sequence : nil
        createdDate = change.createdDate.iso8601
        operation = change.operation
        principal = change.principal
        requestId = change.requestID
        resourceId = change.resourceID
        resourceType = change.resourceType
        revision = change.revision
    }
}
