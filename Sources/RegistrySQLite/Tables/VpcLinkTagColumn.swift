import RegistryDomain

/// The `vpc_link_tags` table's columns: one row per tag of a VPC link.
enum VpcLinkTagColumn: Int32, TagTableColumn {
    case vpcLinkId
    case key
    case value

    typealias Row = (vpcLinkID: VpcLinkID, key: String, value: String)

    static let table = "vpc_link_tags"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.vpcLinkId, .key]

    func value(in tag: Row) -> any SQLBindable {
        switch self {
        case .vpcLinkId: tag.vpcLinkID.rawValue
        case .key: tag.key
        case .value: tag.value
        }
    }
}
