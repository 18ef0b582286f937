import Foundation
import RegistrySQLite
import RegistryTestSupport
import Testing

/// The migrations compiled into the binary are exactly the files in `migrations/`.
@Suite struct EmbeddedMigrationsTests {
    @Test func embeddedMigrationsMatchTheRepositoryFiles() throws {
        let folder = Fixtures.repository.appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }
            .sorted()
        #expect(files.count == EmbeddedMigrations.all.count, "migrations/ changed: run scripts/embed-resources")
        for (file, migration) in zip(files, EmbeddedMigrations.all) {
            let name = String(format: "%04d_%@.sql", migration.version, migration.name)
            #expect(file == name)
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text == migration.sql, "\(file) differs from its embedded copy: run scripts/embed-resources")
        }
    }
}
