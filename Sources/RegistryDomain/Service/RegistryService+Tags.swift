extension RegistryService {
    /// GetTags.
    /// - Throws: ``RegistryError/Code/notFound`` if the resource does not exist.
    public func tags(of resource: TaggedResource) async throws(RegistryError) -> Tags {
        try await store.read { registry throws(RegistryError) in try Self.existingTags(of: resource, registry) }
    }

    /// TagResource: adds or overwrites the given tags.
    /// - Throws: ``RegistryError/Code/notFound`` if the resource does not exist,
    ///   ``RegistryError/Code/badRequest`` if the result would break the tag limits.
    public func tag(_ resource: TaggedResource, with tags: Tags) async throws(RegistryError) {
        try FieldRules.check(tags: tags)
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            let merged = try Self.existingTags(of: resource, registry).merging(tags) { _, new in new }
            try FieldRules.check(tags: merged)
            try registry.record(
                "TagResource", resource.resourceType, resource.resourceID, in: resource.changeStream, at: now)
            try registry.replaceTags(of: resource, with: merged)
        }
    }

    /// UntagResource: removes the tags with these keys; absent keys are ignored.
    /// - Throws: ``RegistryError/Code/notFound`` if the resource does not exist.
    public func untag(_ resource: TaggedResource, keys: [String]) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            var tags = try Self.existingTags(of: resource, registry)
            for key in keys { tags[key] = nil }
            try registry.record(
                "UntagResource", resource.resourceType, resource.resourceID, in: resource.changeStream, at: now)
            try registry.replaceTags(of: resource, with: tags)
        }
    }

    private static func existingTags(
        of resource: TaggedResource, _ registry: any RegistryReadTransaction
    ) throws(RegistryError)
        -> Tags
    {
        guard let tags = try registry.tags(of: resource) else {
            throw RegistryError.notFound("Resource not found: \(resource.arn(region: "*")).")
        }
        return tags
    }
}
