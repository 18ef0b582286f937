import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectVpcLink = VpcLinkColumn.statements.select + " WHERE id = ?"

    private func decodeVpcLink(_ row: StatementRow<VpcLinkColumn>) throws(RegistryError) -> VpcLink {
        let id = VpcLinkID(uncheckedRawValue: row[.id])
        return VpcLink(
            id: id, name: row[.name], subnetIDs: try JSONColumn.decode([String].self, row[.subnetIds]) ?? [],
            securityGroupIDs: try JSONColumn.decode([String].self, row[.securityGroupIds]) ?? [],
            tags: try tags(ofVpcLink: id), createdDate: Timestamp(millisecondsSinceEpoch: row[.createdMs]))
    }

    func vpcLink(_ id: VpcLinkID) throws(RegistryError) -> VpcLink? {
        try one(Self.selectVpcLink, [id.rawValue], decode: decodeVpcLink)
    }

    func vpcLinks(_ page: PageRequest) throws(RegistryError) -> Page<VpcLink> {
        try self.page(VpcLinkColumn.statements.select + " WHERE 1", [], page, decode: decodeVpcLink)
    }

    func insert(_ vpcLink: VpcLink) throws(RegistryError) {
        try insert(vpcLink, into: VpcLinkColumn.self)
        try replaceTags(of: .vpcLink(vpcLink.id), with: vpcLink.tags)
    }

    func update(_ vpcLink: VpcLink) throws(RegistryError) {
        try update(vpcLink, in: VpcLinkColumn.self)
    }

    func deleteVpcLink(_ id: VpcLinkID) throws(RegistryError) {
        try execute("DELETE FROM vpc_links WHERE id = ?", [id.rawValue])
    }
}
