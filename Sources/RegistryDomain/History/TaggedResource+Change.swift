extension TaggedResource {
    /// The stream a change of this resource's tags counts towards.
    public var changeStream: ChangeStream {
        switch self {
        case .api(let id), .stage(let id, _): .api(id)
        case .vpcLink(let id): .vpcLink(id)
        case .domainName(let name): .domainName(name)
        }
    }

    /// The kind of resource, as change records name it.
    public var resourceType: ResourceType {
        switch self {
        case .api: .api
        case .stage: .stage
        case .vpcLink: .vpcLink
        case .domainName: .domainName
        }
    }

    /// The resource's id (a stage's name, a domain name), as change records name it.
    public var resourceID: String {
        switch self {
        case .api(let id): id.rawValue
        case .stage(_, let name): name.rawValue
        case .vpcLink(let id): id.rawValue
        case .domainName(let name): name.rawValue
        }
    }
}
