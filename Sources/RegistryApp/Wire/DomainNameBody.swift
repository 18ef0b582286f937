import RegistryDomain

/// The wire form of a custom domain name. A registry domain name is `AVAILABLE` at once; its
/// `apiGatewayDomainName` and `hostedZoneId` are those of the caller's region, as `apiEndpoint` is.
struct DomainNameBody: Encodable {
    /// The wire form of the one endpoint configuration.
    struct Configuration: Encodable {
        let apiGatewayDomainName: String
        let certificateArn: String?
        let certificateName: String?
        let certificateUploadDate: String
        let domainNameStatus: String
        let domainNameStatusMessage: String
        let endpointType: String
        let hostedZoneId: String?
        let ipAddressType: String
        let ownershipVerificationCertificateArn: String?
        let securityPolicy: String
    }

    /// The wire form of mutual TLS.
    struct MutualTLS: Encodable {
        let truststoreUri: String?
        let truststoreVersion: String?
        let truststoreWarnings: [String]
    }

    let apiMappingSelectionExpression: String
    let domainName: String
    let domainNameArn: String
    let domainNameConfigurations: [Configuration]
    let mutualTlsAuthentication: MutualTLS?
    let routingMode: String
    let tags: Tags

    /// The wire form of `domainName` as seen from `region`.
    init(_ domainName: DomainName, region: String) {
        let configuration = domainName.configuration
        apiMappingSelectionExpression = "$request.basepath"
        self.domainName = domainName.name.rawValue
        domainNameArn = TaggedResource.domainName(domainName.name).arn(region: region)
        domainNameConfigurations = [
            Configuration(
                apiGatewayDomainName: RegionalEndpoint.host(endpointID: domainName.endpointID, region: region),
                certificateArn: configuration.certificateArn, certificateName: configuration.certificateName,
                certificateUploadDate: domainName.createdDate.iso8601, domainNameStatus: "AVAILABLE",
                domainNameStatusMessage: "The domain name is available.",
                endpointType: (configuration.endpointType ?? .regional).rawValue,
                hostedZoneId: RegionalEndpoint.hostedZoneIDs[region],
                ipAddressType: (configuration.ipAddressType ?? .ipv4).rawValue,
                ownershipVerificationCertificateArn: configuration.ownershipVerificationCertificateArn,
                securityPolicy: (configuration.securityPolicy ?? .tls12).rawValue)
        ]
        mutualTlsAuthentication = domainName.mutualTLSAuthentication.map {
            MutualTLS(truststoreUri: $0.truststoreUri, truststoreVersion: $0.truststoreVersion, truststoreWarnings: [])
        }
        routingMode = domainName.routingMode.rawValue
        tags = domainName.tags
    }
}
