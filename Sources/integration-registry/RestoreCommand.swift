import ArgumentParser
import RegistryDomain
import RegistrySQLite

/// `restore`: put a checked copy back as the database, never under a running server.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup back as the database, after checking it; refused while a server has it open.",
        discussion: """
            The copy must pass integrity_check and have a migration ledger this binary knows (a copy \
            from an older release is fine: the server applies the newer migrations when it starts). \
            The database is locked exclusively first, so a running server makes the restore fail and \
            changes nothing.
            """)

    @Option(help: "The backup to restore.")
    var from: String

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func run() throws {
        let summary = try SQLiteBackup.restore(from: from, to: database.path)
        print(BackupReport(summary: summary, action: "restored \(database.path) from \(from)").text(json: json))
    }
}
