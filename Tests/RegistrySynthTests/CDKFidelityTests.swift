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
        #expect(Self.caseNames.count >= 15)
    }

    @Test(arguments: caseNames)
    func synthesizedTemplateIsEquivalentToCDKs(name: String) throws {
        let (reference, _) = try Fixtures.cdkCase(name)
        let stacks = try Fixtures.cdkStacks(name).map { stack in
            try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: stack))
        }
        var served: [TemplateValue] = []
        for snapshot in try reference.snapshots() {
            let template = try TemplateSynthesizer().synthesize(snapshot)
            let actual = try TemplateEquivalence.parse(Data(template.json.utf8))
            served.append(actual)
            // The API is compared with the stack CDK put it in.
            let expected = try #require(
                stacks.first {
                    TemplateEquivalence.differences(expected: $0, actual: $0, apiName: snapshot.api.name).isEmpty
                },
                "\(name): no CDK stack holds \(snapshot.api.name)")
            let differences = TemplateEquivalence.differences(
                expected: expected, actual: actual, apiName: snapshot.api.name)
            #expect(differences.isEmpty, "\(name) / \(snapshot.api.name):\n\(differences.joined(separator: "\n"))")
        }
        for domainName in try reference.storedDomainNames() {
            let template = DomainNameTemplateSynthesizer().synthesize(domainName)
            let actual = try TemplateEquivalence.parse(Data(template.json.utf8))
            served.append(actual)
            let cdk = stacks.filter {
                TemplateEquivalence.domainCreations(in: $0).contains("DomainName:\"\(domainName.name)\"")
            }
            let expected = try #require(cdk.first, "\(name): no CDK stack creates \(domainName.name)")
            let differences = TemplateEquivalence.domainDifferences(
                expected: expected, actual: actual, name: domainName.name.rawValue)
            #expect(differences.isEmpty, "\(name) / \(domainName.name):\n\(differences.joined(separator: "\n"))")
        }
        // Deploying every template the registry serves creates each domain name and mapping once,
        // exactly what CDK's stacks create together.
        let created = served.flatMap(TemplateEquivalence.domainCreations).sorted()
        #expect(created == stacks.flatMap(TemplateEquivalence.domainCreations).sorted(), "\(name)")
        #expect(Set(created).count == created.count, "\(name): something is created twice")
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

    @Test("the comparison notices a missing route response, integration response or model")
    func theComparisonNoticesWebSocketParts() throws {
        for (name, part) in [
            ("websocket-return-response", "RouteResponse:"), ("websocket-mock", "IntegrationResponse:"),
            ("websocket-models", "Model:"),
        ] {
            let (reference, cdkTemplate) = try Fixtures.cdkCase(name)
            let expected = try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: cdkTemplate))
            var snapshot = try #require(try reference.snapshots().first)
            snapshot.routeResponses = []
            snapshot.integrationResponses = []
            let named = Set(snapshot.routes.flatMap { $0.requestModels.map { Array($0.values) } ?? [] })
            snapshot.models = snapshot.models.filter { named.contains($0.name) }
            let actual = try TemplateEquivalence.parse(Data(try TemplateSynthesizer().synthesize(snapshot).json.utf8))
            let differences = TemplateEquivalence.differences(
                expected: expected, actual: actual, apiName: snapshot.api.name)
            #expect(differences.contains { $0.hasPrefix("missing \(part)") }, "\(name): \(differences)")
        }
    }
}
