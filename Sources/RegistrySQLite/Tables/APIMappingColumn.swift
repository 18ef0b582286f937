import RegistryDomain

/// The `api_mappings` table's columns, and what each stores of an ``APIMapping``.
enum APIMappingColumn: Int32, SequencedTableColumn {
    case seq
    case id
    case domainName
    case apiId
    case stage
    case mappingKey

    static let table = "api_mappings"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.id]
    static let writtenOnce: Set<Self> = [.domainName]

    func value(in mapping: APIMapping) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("api_mappings.seq is assigned by SQLite")
        case .id: mapping.id.rawValue
        case .domainName: mapping.domainName.rawValue
        case .apiId: mapping.apiID.rawValue
        case .stage: mapping.stage.rawValue
        case .mappingKey: mapping.key
        }
    }
}
