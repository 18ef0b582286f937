import ArgumentParser
import RegistryApp

/// `--db`, which every command that opens the database takes; `REGISTRY_DB` when it is not given.
struct DatabaseOption: ParsableArguments {
    @Option(help: "SQLite database file (env REGISTRY_DB; default registry.sqlite).")
    var db: String?

    /// The database file: `--db`, else `REGISTRY_DB`, else `registry.sqlite`.
    var path: String { SettingsSource.process(options: db.map { [.db: $0] } ?? [:]).databasePath }
}
