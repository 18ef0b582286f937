import RegistryDomain

/// The wire form of one revision of an API (an item of GetRevisions).
struct RevisionBody: Encodable {
    let createdDate: String
    let operation: String
    let principal: String
    let requestId: String?
    let resourceId: String
    let resourceType: String
    let revision: Int

    /// The wire form of `change`.
    init(_ change: Change) {
        createdDate = change.createdDate.iso8601
        operation = change.operation
        principal = change.principal
        requestId = change.requestID
        resourceId = change.resourceID
        resourceType = change.resourceType
        revision = change.revision
    }
}
