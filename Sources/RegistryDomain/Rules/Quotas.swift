/// Per-API, per-VPC-link and per-domain-name limits; the defaults are AWS's.
public struct Quotas: Hashable, Sendable {
    /// Routes per API (AWS: 300).
    public var routesPerAPI: Int
    /// Integrations per API (AWS: 300).
    public var integrationsPerAPI: Int
    /// Stages per API (AWS: 10).
    public var stagesPerAPI: Int
    /// Authorizers per API (AWS: 10).
    public var authorizersPerAPI: Int
    /// Subnets per VPC link (AWS: 10).
    public var subnetsPerVpcLink: Int
    /// Multi-level API mappings (keys with a `/`) per custom domain name (AWS: 200).
    public var multiLevelAPIMappingsPerDomainName: Int

    /// Creates quotas; every argument defaults to AWS's limit.
    public init(
        routesPerAPI: Int = 300, integrationsPerAPI: Int = 300, stagesPerAPI: Int = 10, authorizersPerAPI: Int = 10,
        subnetsPerVpcLink: Int = 10, multiLevelAPIMappingsPerDomainName: Int = 200
    ) {
        self.routesPerAPI = routesPerAPI
        self.integrationsPerAPI = integrationsPerAPI
        self.stagesPerAPI = stagesPerAPI
        self.authorizersPerAPI = authorizersPerAPI
        self.subnetsPerVpcLink = subnetsPerVpcLink
        self.multiLevelAPIMappingsPerDomainName = multiLevelAPIMappingsPerDomainName
    }

    /// AWS's default quotas.
    public static let aws = Quotas()

    /// Refuses when `count` existing items already fill `limit`.
    /// - Throws: ``RegistryError/Code/tooManyRequests`` with `limitType`.
    static func check(_ count: Int, below limit: Int, limitType: String, what: String) throws(RegistryError) {
        guard count < limit else {
            throw .quotaExceeded("Limit exceeded: at most \(limit) \(what).", limitType: limitType)
        }
    }
}
