/// What a write declares about itself before it changes anything: one record per successful write.
///
/// The store adds the sequence number, the stream's next revision and the ``ChangeOrigin``.
public struct ChangeRecord: Hashable, Sendable {
    /// The AWS operation name (`CreateRoute`, `TagResource`, …) or the extension's own.
    public var operation: String
    /// The kind of resource the operation names.
    public var resourceType: ResourceType
    /// The id (or name) of that resource.
    public var resourceID: String
    /// The resource whose revisions this change counts.
    public var stream: ChangeStream
    /// When the change was made.
    public var date: Timestamp

    /// Creates a record.
    public init(
        operation: String, resourceType: ResourceType, resourceID: String, stream: ChangeStream, date: Timestamp
    ) {
        self.operation = operation
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.stream = stream
        self.date = date
    }
}
