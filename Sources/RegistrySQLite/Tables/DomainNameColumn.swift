import RegistryDomain

/// The `domain_names` table's columns, and what each stores of a ``DomainName`` (its tags live in
/// `domain_name_tags`). The name and its endpoint id never change.
enum DomainNameColumn: Int32, SequencedTableColumn {
    case seq
    case name
    case endpointId
    case certificateArn
    case certificateName
    case endpointType
    case securityPolicy
    case ownershipVerificationCertificateArn
    case ipAddressType
    case truststoreUri
    case truststoreVersion
    case routingMode
    case createdMs

    static let table = "domain_names"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.name]
    static let writtenOnce: Set<Self> = [.endpointId, .createdMs]

    func value(in domainName: DomainName) throws(RegistryError) -> any SQLBindable {
        let configuration = domainName.configuration
        return switch self {
        case .seq: preconditionFailure("domain_names.seq is assigned by SQLite")
        case .name: domainName.name.rawValue
        case .endpointId: domainName.endpointID
        case .certificateArn: configuration.certificateArn
        case .certificateName: configuration.certificateName
        case .endpointType: (configuration.endpointType ?? .regional).rawValue
        case .securityPolicy: (configuration.securityPolicy ?? .tls12).rawValue
        case .ownershipVerificationCertificateArn: configuration.ownershipVerificationCertificateArn
        case .ipAddressType: configuration.ipAddressType?.rawValue
        case .truststoreUri: domainName.mutualTLSAuthentication?.truststoreUri
        case .truststoreVersion: domainName.mutualTLSAuthentication?.truststoreVersion
        case .routingMode: domainName.routingMode.rawValue
        case .createdMs: domainName.createdDate.millisecondsSinceEpoch
        }
    }
}
