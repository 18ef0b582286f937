public import Foundation

/// Where the repository's test fixtures are.
public enum Fixtures {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of CDK reference cases: `NAME.case.json` with `NAME.cdk.template.json`.
    public static let cdkCases = repository.appendingPathComponent("Tests/RegistrySynthTests/Fixtures/cdk")

    /// The folder of golden templates: this service's own output, byte for byte.
    public static let goldens = repository.appendingPathComponent("Tests/RegistrySynthTests/Fixtures/golden")

    /// The names of the CDK reference cases, sorted.
    public static func cdkCaseNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cdkCases.path).filter { $0.hasSuffix(".case.json") }
            .map { String($0.dropLast(".case.json".count)) }.sorted()
    }

    /// A case and CDK's template for it.
    public static func cdkCase(_ name: String) throws -> (CDKCase, Any) {
        let template = try JSONSerialization.jsonObject(
            with: Data(contentsOf: cdkCases.appendingPathComponent("\(name).cdk.template.json")))
        return (try CDKCase.load(cdkCases.appendingPathComponent("\(name).case.json")), template)
    }

    /// CDK's templates for a case: one per stack (a case of several stacks keeps them under `stacks`).
    public static func cdkStacks(_ name: String) throws -> [Any] {
        let (_, template) = try cdkCase(name)
        guard let object = template as? [String: Any], let stacks = object["stacks"] as? [String: Any] else {
            return [template]
        }
        return stacks.keys.sorted().compactMap { stacks[$0] }
    }
}
