/// One committed change record.
public struct Change: Hashable, Sendable {
    /// The catalog-wide sequence number: changes are committed in this order.
    public var sequence: Int64
    /// The stream this change counts towards.
    public var stream: ChangeStream
    /// The stream's revision this change made (1 for the create, or for what was in the catalog
    /// before it kept history).
    public var revision: Int
    /// When it was made.
    public var createdDate: Timestamp
    /// Who made it.
    public var principal: String
    /// The request that made it, if it came over HTTP.
    public var requestID: String?
    /// The operation.
    public var operation: String
    /// The kind of resource the operation named (as stored: one of ``ResourceType``'s raw values).
    public var resourceType: String
    /// The id or name of that resource.
    public var resourceID: String

    /// Creates a change.
    public init(
        sequence: Int64, stream: ChangeStream, revision: Int, createdDate: Timestamp, principal: String,
        requestID: String?, operation: String, resourceType: String, resourceID: String
    ) {
        self.sequence = sequence
        self.stream = stream
        self.revision = revision
        self.createdDate = createdDate
        self.principal = principal
        self.requestID = requestID
        self.operation = operation
        self.resourceType = resourceType
        self.resourceID = resourceID
    }
}
