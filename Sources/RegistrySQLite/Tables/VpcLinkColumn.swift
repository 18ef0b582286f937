import RegistryDomain

/// The `vpc_links` table's columns, and what each stores of a ``VpcLink`` (its tags live in
/// `vpc_link_tags`). As in AWS, only the name changes after a VPC link is created.
enum VpcLinkColumn: Int32, SequencedTableColumn {
    case seq
    case id
    case name
    case subnetIds
    case securityGroupIds
    case createdMs

    static let table = "vpc_links"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.id]
    static let writtenOnce: Set<Self> = [.subnetIds, .securityGroupIds, .createdMs]

    func value(in link: VpcLink) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("vpc_links.seq is assigned by SQLite")
        case .id: link.id.rawValue
        case .name: link.name
        case .subnetIds: try JSONColumn.encode(link.subnetIDs)
        case .securityGroupIds: try JSONColumn.encode(link.securityGroupIDs)
        case .createdMs: link.createdDate.millisecondsSinceEpoch
        }
    }
}
