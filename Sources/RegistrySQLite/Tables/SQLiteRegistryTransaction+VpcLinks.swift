import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let vpcLinkColumns = "seq, id, name, subnet_ids, security_group_ids, created_ms"

    private func decodeVpcLink(_ row: StatementRow) throws -> VpcLink {
        let id = VpcLinkID(uncheckedRawValue: row[1])
        return VpcLink(
            id: id, name: row[2], subnetIDs: try JSONColumn.decode([String].self, row[3]) ?? [],
            securityGroupIDs: try JSONColumn.decode([String].self, row[4]) ?? [],
            tags: try tags("SELECT key, value FROM vpc_link_tags WHERE vpc_link_id = ?", [id.rawValue]),
            createdDate: Timestamp(millisecondsSinceEpoch: row[5]))
    }

    func vpcLink(_ id: VpcLinkID) throws -> VpcLink? {
        try one("SELECT \(Self.vpcLinkColumns) FROM vpc_links WHERE id = ?", [id.rawValue], decode: decodeVpcLink)
    }

    func vpcLinks(_ page: PageRequest) throws -> Page<VpcLink> {
        try self.page("SELECT \(Self.vpcLinkColumns) FROM vpc_links WHERE 1", [], page, decode: decodeVpcLink)
    }

    func insert(_ vpcLink: VpcLink) throws {
        try execute(
            "INSERT INTO vpc_links (id, name, subnet_ids, security_group_ids, created_ms) VALUES (?, ?, ?, ?, ?)",
            [
                vpcLink.id.rawValue, vpcLink.name, try JSONColumn.encode(vpcLink.subnetIDs),
                try JSONColumn.encode(vpcLink.securityGroupIDs), vpcLink.createdDate.millisecondsSinceEpoch,
            ])
        try replaceTags(of: .vpcLink(vpcLink.id), with: vpcLink.tags)
    }

    func update(_ vpcLink: VpcLink) throws {
        try execute("UPDATE vpc_links SET name = ? WHERE id = ?", [vpcLink.name, vpcLink.id.rawValue])
    }

    func deleteVpcLink(_ id: VpcLinkID) throws {
        try execute("DELETE FROM vpc_links WHERE id = ?", [id.rawValue])
    }
}
