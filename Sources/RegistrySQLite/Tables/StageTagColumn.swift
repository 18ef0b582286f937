import RegistryDomain

/// The `stage_tags` table's columns: one row per tag of a stage.
enum StageTagColumn: Int32, TagTableColumn {
    case apiId
    case stageName
    case key
    case value

    typealias Row = (apiID: APIID, stageName: StageName, key: String, value: String)

    static let table = "stage_tags"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.apiId, .stageName, .key]

    func value(in tag: Row) -> any SQLBindable {
        switch self {
        case .apiId: tag.apiID.rawValue
        case .stageName: tag.stageName.rawValue
        case .key: tag.key
        case .value: tag.value
        }
    }
}
