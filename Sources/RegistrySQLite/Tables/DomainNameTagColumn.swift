import RegistryDomain

/// The `domain_name_tags` table's columns: one row per tag of a custom domain name.
enum DomainNameTagColumn: Int32, TagTableColumn {
    case domainName
    case key
    case value

    typealias Row = (domainName: DomainNameID, key: String, value: String)

    static let table = "domain_name_tags"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.domainName, .key]

    func value(in tag: Row) -> any SQLBindable {
        switch self {
        case .domainName: tag.domainName.rawValue
        case .key: tag.key
        case .value: tag.value
        }
    }
}
