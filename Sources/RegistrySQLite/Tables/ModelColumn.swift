import RegistryDomain

/// The `models` table's columns, and what each stores of a ``Model``.
enum ModelColumn: Int32, SequencedTableColumn {
    case seq
    case apiId
    case id
    case name
    case schema
    case contentType
    case description

    static let table = "models"
    static let statements = TableStatements<Self>()

    static let keyColumns: Set<Self> = [.id]
    static let writtenOnce: Set<Self> = [.apiId]

    func value(in model: Model) throws(RegistryError) -> any SQLBindable {
        switch self {
        case .seq: preconditionFailure("models.seq is assigned by SQLite")
        case .apiId: model.apiID.rawValue
        case .id: model.id.rawValue
        case .name: model.name
        case .schema: model.schema
        case .contentType: model.contentType
        case .description: model.description
        }
    }
}
