import RegistryDomain

/// The `api_tags` table's columns: one row per tag of an API.
enum APITagColumn: Int32, TagTableColumn {
    case apiId
    case key
    case value

    typealias Row = (apiID: APIID, key: String, value: String)

    static let table = "api_tags"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .key]

    func value(in tag: Row) -> any SQLBindable {
        switch self {
        case .apiId: tag.apiID.rawValue
        case .key: tag.key
        case .value: tag.value
        }
    }
}
