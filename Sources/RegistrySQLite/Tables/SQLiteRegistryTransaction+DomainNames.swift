import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectDomainName = DomainNameColumn.statements.select + " WHERE name = ?"
    private static let selectDomainNameTags = DomainNameTagColumn.statements.select + " WHERE domain_name = ?"
    private static let selectAPIMapping = APIMappingColumn.statements.select + " WHERE id = ? AND domain_name = ?"
    private static let selectDomainMappings = APIMappingColumn.statements.select + " WHERE domain_name = ?"

    private func decodeDomainName(_ row: StatementRow<DomainNameColumn>) throws(RegistryError) -> DomainName {
        let name = DomainNameID(uncheckedRawValue: row[.name])
        let truststore: String? = row[.truststoreUri]
        let ipAddressType: String? = row[.ipAddressType]
        return DomainName(
            name: name, endpointID: row[.endpointId],
            configuration: DomainNameConfiguration(
                certificateArn: row[.certificateArn], certificateName: row[.certificateName],
                endpointType: EndpointType(rawValue: row[.endpointType]),
                securityPolicy: SecurityPolicy(rawValue: row[.securityPolicy]),
                ownershipVerificationCertificateArn: row[.ownershipVerificationCertificateArn],
                ipAddressType: ipAddressType.flatMap(IPAddressType.init(rawValue:))),
            mutualTLSAuthentication: truststore.map {
                MutualTLSAuthentication(truststoreUri: $0, truststoreVersion: row[.truststoreVersion])
            },
            routingMode: RoutingMode(rawValue: row[.routingMode]) ?? .apiMappingOnly,
            tags: try tags(ofDomainName: name), createdDate: Timestamp(millisecondsSinceEpoch: row[.createdMs]))
    }

    private func decodeAPIMapping(_ row: StatementRow<APIMappingColumn>) -> APIMapping {
        APIMapping(
            id: APIMappingID(uncheckedRawValue: row[.id]),
            domainName: DomainNameID(uncheckedRawValue: row[.domainName]),
            apiID: APIID(uncheckedRawValue: row[.apiId]), stage: StageName(uncheckedRawValue: row[.stage]),
            key: row[.mappingKey])
    }

    /// The tags of a custom domain name.
    /// - Throws: the storage failure.
    func tags(ofDomainName name: DomainNameID) throws(RegistryError) -> Tags {
        try tags(DomainNameTagColumn.self, Self.selectDomainNameTags, [name.rawValue])
    }

    func domainName(_ name: DomainNameID) throws(RegistryError) -> DomainName? {
        try one(Self.selectDomainName, [name.rawValue], decode: decodeDomainName)
    }

    func domainNames(_ page: PageRequest) throws(RegistryError) -> Page<DomainName> {
        try self.page(DomainNameColumn.statements.select + " WHERE 1", [], page, decode: decodeDomainName)
    }

    func apiMapping(_ id: APIMappingID, on domainName: DomainNameID) throws(RegistryError) -> APIMapping? {
        try one(Self.selectAPIMapping, [id.rawValue, domainName.rawValue], decode: decodeAPIMapping)
    }

    func apiMappings(on domainName: DomainNameID, _ page: PageRequest) throws(RegistryError) -> Page<APIMapping> {
        try self.page(Self.selectDomainMappings, [domainName.rawValue], page, decode: decodeAPIMapping)
    }

    func apiMappings(on domainName: DomainNameID) throws(RegistryError) -> [APIMapping] {
        try all(Self.selectDomainMappings + " ORDER BY seq", [domainName.rawValue], decode: decodeAPIMapping)
    }

    func apiMapping(withKey key: String, on domainName: DomainNameID) throws(RegistryError) -> APIMappingID? {
        try strings(
            "SELECT id FROM api_mappings WHERE domain_name = ? AND mapping_key = ?", [domainName.rawValue, key]
        )
        .first.map(APIMappingID.init(uncheckedRawValue:))
    }

    func apiMappings(of api: APIID) throws(RegistryError) -> [APIMapping] {
        try all(
            APIMappingColumn.statements.select + " WHERE api_id = ? ORDER BY seq", [api.rawValue],
            decode: decodeAPIMapping)
    }

    func insert(_ domainName: DomainName) throws(RegistryError) {
        try insert(domainName, into: DomainNameColumn.self)
        try replaceTags(of: .domainName(domainName.name), with: domainName.tags)
    }

    func update(_ domainName: DomainName) throws(RegistryError) {
        try update(domainName, in: DomainNameColumn.self)
    }

    func deleteDomainName(_ name: DomainNameID) throws(RegistryError) {
        try execute("DELETE FROM domain_names WHERE name = ?", [name.rawValue])
    }

    func insert(_ mapping: APIMapping) throws(RegistryError) {
        try insert(mapping, into: APIMappingColumn.self)
    }

    func update(_ mapping: APIMapping) throws(RegistryError) {
        try update(mapping, in: APIMappingColumn.self)
    }

    func deleteAPIMapping(_ id: APIMappingID, on domainName: DomainNameID) throws(RegistryError) {
        try execute("DELETE FROM api_mappings WHERE id = ? AND domain_name = ?", [id.rawValue, domainName.rawValue])
    }
}
