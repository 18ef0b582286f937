import Foundation
import RegistryDomain
import RegistrySynth
import RegistryTestSupport
import Testing
import Yams

/// This service's own output for every reference case, byte for byte, in JSON and YAML.
///
/// Run with `REGISTRY_UPDATE_GOLDENS=1` to rewrite the golden files after an intended change.
@Suite struct GoldenTemplateTests {
    static let update = ProcessInfo.processInfo.environment["REGISTRY_UPDATE_GOLDENS"] == "1"

    @Test(arguments: CDKFidelityTests.caseNames)
    func templatesMatchTheirGoldenFiles(name: String) throws {
        let (reference, _) = try Fixtures.cdkCase(name)
        let templates =
            try reference.snapshots().map { (name: $0.api.name, template: try TemplateSynthesizer().synthesize($0)) }
            + (try reference.storedDomainNames()).map {
                (name: $0.name.rawValue, template: DomainNameTemplateSynthesizer().synthesize($0))
            }
        for (entity, template) in templates {
            for (suffix, text) in [("json", template.json), ("yaml", template.yaml)] {
                let file = Fixtures.goldens.appendingPathComponent("\(name).\(entity).template.\(suffix)")
                if Self.update { try text.write(to: file, atomically: true, encoding: .utf8) }
                let golden = try String(contentsOf: file, encoding: .utf8)
                #expect(
                    text == golden,
                    "\(file.lastPathComponent) changed; rerun with REGISTRY_UPDATE_GOLDENS=1 if intended")
            }
        }
    }

    @Test(arguments: CDKFidelityTests.caseNames)
    func yamlLoadsAsTheSameTemplateAsJSON(name: String) throws {
        let (reference, _) = try Fixtures.cdkCase(name)
        let templates =
            try reference.snapshots().map { try TemplateSynthesizer().synthesize($0) }
            + (try reference.storedDomainNames()).map { DomainNameTemplateSynthesizer().synthesize($0) }
        for template in templates {
            let loaded = try #require(try Yams.load(yaml: template.yaml))
            let fromYAML = try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: loaded))
            #expect(fromYAML == template.value)
        }
    }
}
