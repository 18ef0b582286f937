/// The members of a CreateDomainName or UpdateDomainName request; `nil` means "not given".
public struct DomainNameInput: Sendable, Decodable {
    /// The request member `domainName` (create only; the path names it on update).
    public var domainName: String?
    /// The request member `domainNameConfigurations` (AWS takes one).
    public var domainNameConfigurations: [DomainNameConfiguration]?
    /// The request member `mutualTlsAuthentication`.
    public var mutualTlsAuthentication: MutualTLSAuthentication?
    /// The request member `routingMode`.
    public var routingMode: RoutingMode?
    /// Tags, on create only (use TagResource afterwards).
    public var tags: Tags?

    /// Creates an input; every member is optional.
    public init(
        domainName: String? = nil, domainNameConfigurations: [DomainNameConfiguration]? = nil,
        mutualTlsAuthentication: MutualTLSAuthentication? = nil, routingMode: RoutingMode? = nil, tags: Tags? = nil
    ) {
        self.domainName = domainName
        self.domainNameConfigurations = domainNameConfigurations
        self.mutualTlsAuthentication = mutualTlsAuthentication
        self.routingMode = routingMode
        self.tags = tags
    }
}
