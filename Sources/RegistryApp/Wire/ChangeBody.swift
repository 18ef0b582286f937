import RegistryDomain

/// The wire form of one record of the catalog-wide audit log (an item of GetChanges): a revision
/// with the catalog-wide sequence number and the API, VPC link or domain name it counts towards.
struct ChangeBody: Encodable {
    let apiId: String?
    let changeSequence: Int64
    let createdDate: String
    let domainName: String?
    let operation: String
    let principal: String
    let requestId: String?
    let resourceId: String
    let resourceType: String
    let revision: Int
    let vpcLinkId: String?

    /// The wire form of `change`.
    init(_ change: Change) {
        switch change.stream {
        case .api(let id): (apiId, vpcLinkId, domainName) = (id.rawValue, nil, nil)
        case .vpcLink(let id): (apiId, vpcLinkId, domainName) = (nil, id.rawValue, nil)
        case .domainName(let name): (apiId, vpcLinkId, domainName) = (nil, nil, name.rawValue)
        }
        changeSequence = change.sequence
        createdDate = change.createdDate.iso8601
        operation = change.operation
        principal = change.principal
        requestId = change.requestID
        resourceId = change.resourceID
        resourceType = change.resourceType
        revision = change.revision
    }
}
