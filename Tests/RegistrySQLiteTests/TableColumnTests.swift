import GRDB
import GRDBSQLite
import Testing

@testable import RegistrySQLite

/// Each table's column description (``TableColumn``) against the schema the migrations build: the
/// same columns in both directions, and statements SQLite prepares with one placeholder per value.
@Suite("Table column descriptions")
struct TableColumnTests {
    /// What a test needs of one column description, without its generic type.
    struct Table: Sendable, CustomTestStringConvertible {
        let name: String
        let columns: [String]
        let generated: [String]
        let updated: [String]
        let select: String
        let insert: String
        let update: String
        let insertCount: Int
        let updateCount: Int

        var testDescription: String { name }

        init<Column: TableColumn>(_: Column.Type) {
            let statements = Column.statements
            name = Column.table
            columns = Column.allCases.map(\.name)
            generated = Column.allCases.filter { $0.role == .generated }.map(\.name)
            updated = Column.allCases.filter { $0.role == .mutable }.map(\.name)
            select = statements.select
            insert = statements.insert
            update = statements.update
            insertCount = statements.insertColumns.count
            updateCount = statements.updateColumns.count
        }
    }

    static let tables = [
        Table(APIColumn.self), Table(RouteColumn.self), Table(IntegrationColumn.self), Table(StageColumn.self),
        Table(DeploymentColumn.self), Table(AuthorizerColumn.self), Table(VpcLinkColumn.self),
        Table(APITagColumn.self), Table(StageTagColumn.self), Table(VpcLinkTagColumn.self),
        Table(DomainNameColumn.self), Table(DomainNameTagColumn.self), Table(APIMappingColumn.self),
        Table(ModelColumn.self), Table(RouteResponseColumn.self), Table(IntegrationResponseColumn.self),
        Table(ChangeColumn.self),
    ]

    @Test("every table the migrations create has a column description, but the search index's")
    func everyTableIsDescribed() throws {
        let fixture = try StoreFixture()
        let schemaTables = try fixture.rawQueue().read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' AND name NOT LIKE '%_history'
                    AND name NOT LIKE 'catalog_search%'
                    """)
        }
        #expect(Set(schemaTables) == Set(Self.tables.map(\.name)))
    }

    @Test("every catalog table has a history twin: its columns, then valid_from and valid_to")
    func historyTwins() throws {
        let fixture = try StoreFixture()
        try fixture.rawQueue().read { db in
            for table in HistoryTables.tables {
                let twin = try db.columns(in: table.name + "_history").map(\.name)
                #expect(twin == table.columns + ["valid_from", "valid_to"], "\(table.name)")
                #expect(try db.columns(in: table.name).map(\.name) == table.columns, "\(table.name)")
            }
        }
        #expect(HistoryTables.tables.count == Self.tables.count - 1)
    }

    @Test("the description names exactly the schema's columns", arguments: tables)
    func columnsMatchTheSchema(table: Table) throws {
        let fixture = try StoreFixture()
        let schema = try fixture.rawQueue().read { db in try db.columns(in: table.name).map(\.name) }
        #expect(table.columns.sorted() == schema.sorted())
        #expect(Set(table.columns).count == table.columns.count)
    }

    @Test("SELECT, INSERT and UPDATE prepare, with one placeholder per bound column", arguments: tables)
    func statementsPrepare(table: Table) throws {
        let fixture = try StoreFixture()
        try fixture.rawQueue().read { db in
            #expect(try db.makeStatement(sql: table.select).columnNames == table.columns)
            let insert = try db.makeStatement(sql: table.insert)
            #expect(Int(sqlite3_bind_parameter_count(insert.sqliteStatement)) == table.insertCount)
            let update = try db.makeStatement(sql: table.update)
            #expect(Int(sqlite3_bind_parameter_count(update.sqliteStatement)) == table.updateCount)
        }
        #expect(table.insertCount == table.columns.count - table.generated.count)
    }
}
