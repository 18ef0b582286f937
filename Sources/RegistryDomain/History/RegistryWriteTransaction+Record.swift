extension RegistryWriteTransaction {
    /// Records the change this write makes (see ``record(_:)``), in the words of the use cases:
    /// `try registry.record("CreateRoute", .route, route.id.rawValue, in: .api(apiID), at: now)`.
    /// - Throws: as ``record(_:)``.
    public func record(
        _ operation: String, _ resourceType: ResourceType, _ resourceID: String, in stream: ChangeStream,
        at date: Timestamp
    ) throws(RegistryError) {
        try record(
            ChangeRecord(
                operation: operation, resourceType: resourceType, resourceID: resourceID, stream: stream, date: date))
    }
}
