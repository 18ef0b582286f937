import ArgumentParser
import Foundation
import RegistryDomain
import RegistrySQLite

/// `backup`: an online, consistent copy of the database, checked, while a server may be writing it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database while the server runs, check the copy and say what it holds.",
        discussion: """
            The copy is the database as it stood at one moment (SQLite's online backup API in one read \
            transaction); writers go on meanwhile. It is checked (integrity_check, a migration ledger \
            this binary knows) before it replaces anything at --to.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "Where to write the copy (replaced only by a copy that passed its checks).")
    var to: String

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    func run() throws {
        let summary = try SQLiteBackup.backUp(databaseAt: database.path, to: to)
        print(BackupReport(summary: summary, action: "backed up \(database.path) to \(to)").text(json: json))
    }
}
