import Foundation
import RegistryDomain
import RegistryImport
import RegistrySQLite
import RegistrySynth
import RegistryTestSupport
import Testing

/// Every CDK reference template imported into a fresh registry synthesizes back to a template that
/// means the same: each API's template is equivalent to the CDK stack that declares it, and each
/// custom domain name's to the stack that creates it.
@Suite("CloudFormation import round trip")
struct CloudFormationRoundTripTests {
    static let caseNames = (try? Fixtures.cdkCaseNames()) ?? []

    @Test("every CDK reference template imports and synthesizes back as itself", arguments: caseNames)
    func roundTrip(_ name: String) async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteRegistryStore(path: directory.file("registry.sqlite"))
        defer { _ = try? store.close() }
        let service = RegistryService(store: store, clock: Sample.now)
        // Stacks that create domain names are deployed before those that map onto them, as CDK orders them.
        let stacks = try Fixtures.cdkStacks(name).map { try JSONSerialization.data(withJSONObject: $0) }
            .sorted { first, second in
                Self.createsDomainNames(first) && !Self.createsDomainNames(second)
            }
        var apis = 0
        for stack in stacks {
            let expected = try TemplateEquivalence.parse(stack)
            let plan = try CloudFormationImporter().plan(
                String(decoding: stack, as: UTF8.self), region: "us-east-1", accountID: "123456789012")
            #expect(plan.warnings.isEmpty, "\(name): \(plan.warnings)")
            let result = try await service.importTemplate(plan, failOnWarnings: true)
            for (key, api) in result.apis {
                apis += 1
                let template = try TemplateSynthesizer().synthesize(try await service.snapshot(of: api.id))
                let actual = try TemplateEquivalence.parse(Data(template.json.utf8))
                let differences = TemplateEquivalence.differences(expected: expected, actual: actual, apiName: api.name)
                #expect(differences.isEmpty, "\(name) / \(key):\n\(differences.joined(separator: "\n"))")
            }
            for (key, domainName) in result.domainNames {
                let actual = try TemplateEquivalence.parse(
                    Data(DomainNameTemplateSynthesizer().synthesize(domainName).json.utf8))
                let differences = TemplateEquivalence.domainDifferences(
                    expected: expected, actual: actual, name: domainName.name.rawValue)
                #expect(differences.isEmpty, "\(name) / \(key):\n\(differences.joined(separator: "\n"))")
            }
        }
        let (reference, _) = try Fixtures.cdkCase(name)
        #expect(apis == reference.apis.count, "\(name): every API of the case is imported")
    }

    @Test("the round trip notices a change: a route left out of the import is missing from the template")
    func theRoundTripNoticesADifference() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteRegistryStore(path: directory.file("registry.sqlite"))
        defer { _ = try? store.close() }
        let service = RegistryService(store: store, clock: Sample.now)
        let stack = try JSONSerialization.data(
            withJSONObject: try #require(try Fixtures.cdkStacks("path-variables").first))
        var plan = try CloudFormationImporter().plan(
            String(decoding: stack, as: UTF8.self), region: "us-east-1", accountID: "123456789012")
        plan.apis[0].plan.routes.removeLast()
        let result = try await service.importTemplate(plan, failOnWarnings: false)
        let api = try #require(result.apis.first?.api)
        let template = try TemplateSynthesizer().synthesize(try await service.snapshot(of: api.id))
        let differences = TemplateEquivalence.differences(
            expected: try TemplateEquivalence.parse(stack),
            actual: try TemplateEquivalence.parse(Data(template.json.utf8)),
            apiName: api.name)
        #expect(differences.contains { $0.hasPrefix("missing Route:") }, "\(differences)")
    }

    private static func createsDomainNames(_ stack: Data) -> Bool {
        String(decoding: stack, as: UTF8.self).contains("AWS::ApiGatewayV2::DomainName")
    }
}
