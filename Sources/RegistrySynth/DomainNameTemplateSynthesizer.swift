public import RegistryDomain

/// Turns a custom domain name into the CloudFormation template that creates it: one
/// `AWS::ApiGatewayV2::DomainName`, as CDK's `DomainName` construct synthesizes it.
///
/// A domain name lives in its own template, never in an API's: several APIs map onto one name, and
/// each API template names the domain by its name (as CDK does for an imported domain), so deploying
/// every template of the catalog creates each domain name exactly once. Deploy the domain name's
/// template before the templates of the APIs it serves. Synthesis is pure and deterministic.
public struct DomainNameTemplateSynthesizer: Sendable {
    /// Creates a synthesizer.
    public init() {}

    /// The template for `domainName`.
    public func synthesize(_ domainName: DomainName) -> CloudFormationTemplate {
        let name = domainName.name.rawValue
        let logicalID = LogicalID.make("DomainName", name, identity: name)
        let configuration = domainName.configuration
        let endpoint = TemplateValue.map(
            [
                "CertificateArn": configuration.certificateArn.map(TemplateValue.string),
                "CertificateName": configuration.certificateName.map(TemplateValue.string),
                "EndpointType": .string((configuration.endpointType ?? .regional).rawValue),
                "SecurityPolicy": .string((configuration.securityPolicy ?? .tls12).rawValue),
                "OwnershipVerificationCertificateArn": configuration.ownershipVerificationCertificateArn.map(
                    TemplateValue.string),
                "IpAddressType": configuration.ipAddressType.map { .string($0.rawValue) },
            ].compactMapValues { $0 })
        let resource = TemplateResource(
            type: "AWS::ApiGatewayV2::DomainName",
            properties: [
                "DomainName": .string(name),
                "DomainNameConfigurations": .list([endpoint]),
                "MutualTlsAuthentication": domainName.mutualTLSAuthentication.map { tls in
                    .map(
                        [
                            "TruststoreUri": tls.truststoreUri.map(TemplateValue.string),
                            "TruststoreVersion": tls.truststoreVersion.map(TemplateValue.string),
                        ].compactMapValues { $0 })
                },
                "RoutingMode": domainName.routingMode == .apiMappingOnly
                    ? nil : .string(domainName.routingMode.rawValue),
                "Tags": domainName.tags.isEmpty ? nil : .strings(domainName.tags),
            ])
        return CloudFormationTemplate(
            description: "Integration Registry: custom domain name \(name)",
            metadata: ["IntegrationRegistry": .map(["DomainName": .string(name)])],
            resources: [logicalID: resource],
            outputs: [
                "DomainName": .map(["Description": .string("The custom domain name"), "Value": .ref(logicalID)]),
                "RegionalDomainName": .map([
                    "Description": .string("The host a DNS alias or CNAME for the name points at"),
                    "Value": .getAtt(logicalID, "RegionalDomainName"),
                ]),
                "RegionalHostedZoneId": .map([
                    "Description": .string("The Route 53 hosted zone of that host, for an alias record"),
                    "Value": .getAtt(logicalID, "RegionalHostedZoneId"),
                ]),
            ])
    }
}
