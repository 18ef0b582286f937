import Foundation
import RegistryDomain
import RegistrySynth
import RegistryTestSupport
import Testing

/// Every CDK reference case: the template synthesized from the case's registry content means the
/// same as the template CDK 2.275 synthesizes for it.
@Suite struct CDKFidelityTests {
    static let caseNames = (try? Fixtures.cdkCaseNames()) ?? []

    @Test func thereAreReferenceCases() {
        #expect(Self.caseNames.count >= 11)
    }

    @Test(arguments: caseNames)
    func synthesizedTemplateIsEquivalentToCDKs(name: String) throws {
        let (reference, cdkTemplate) = try Fixtures.cdkCase(name)
        let expected = try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: cdkTemplate))
        for snapshot in try reference.snapshots() {
            let template = try TemplateSynthesizer().synthesize(snapshot)
            let actual = try TemplateEquivalence.parse(Data(template.json.utf8))
            let differences = TemplateEquivalence.differences(
                expected: expected, actual: actual, apiName: snapshot.api.name)
            #expect(differences.isEmpty, "\(name) / \(snapshot.api.name):\n\(differences.joined(separator: "\n"))")
        }
    }

    @Test func theComparisonNoticesADifference() throws {
        let (reference, cdkTemplate) = try Fixtures.cdkCase("seed-lambda-proxy")
        let expected = try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: cdkTemplate))
        var snapshot = try #require(try reference.snapshots().first)
        snapshot.routes[0].routeKey = try RouteKey(parsing: "GET /authors", protocolType: .http)
        let actual = try TemplateEquivalence.parse(Data(try TemplateSynthesizer().synthesize(snapshot).json.utf8))
        let differences = TemplateEquivalence.differences(expected: expected, actual: actual, apiName: "HttpApi")
        #expect(differences.contains { $0.contains("Route:\"GET /books\"") })
        #expect(differences.contains { $0.contains("/*/*/authors") })
    }
}
