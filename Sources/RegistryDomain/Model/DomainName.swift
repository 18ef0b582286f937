/// A custom domain name (`api.example.com`) through which clients reach APIs, by API mapping.
public struct DomainName: Hashable, Sendable {
    /// The name, which is also its identifier.
    public var name: DomainNameID
    /// The suffix-free id of the endpoint API Gateway gives the name (`d-` and 10 characters), drawn
    /// once at creation: the wire's `apiGatewayDomainName` is built from it.
    public var endpointID: String
    /// Its endpoint configuration (AWS allows one per name).
    public var configuration: DomainNameConfiguration
    /// Mutual TLS, if the name requires client certificates.
    public var mutualTLSAuthentication: MutualTLSAuthentication?
    /// How requests reach APIs.
    public var routingMode: RoutingMode
    /// The name's tags.
    public var tags: Tags
    /// When the name was created.
    public var createdDate: Timestamp

    /// Creates a domain name value; rules are checked by the use cases, not here.
    public init(
        name: DomainNameID, endpointID: String, configuration: DomainNameConfiguration,
        mutualTLSAuthentication: MutualTLSAuthentication? = nil, routingMode: RoutingMode = .apiMappingOnly,
        tags: Tags = [:], createdDate: Timestamp
    ) {
        self.name = name
        self.endpointID = endpointID
        self.configuration = configuration
        self.mutualTLSAuthentication = mutualTLSAuthentication
        self.routingMode = routingMode
        self.tags = tags
        self.createdDate = createdDate
    }
}
