import Foundation
import RegistryDomain
import RegistryTestSupport
import Testing

@testable import RegistrySynth

/// Synthesis is a pure function, and each resource's logical ID depends only on its own entity.
@Suite struct DeterminismAndStabilityTests {
    static func snapshot(_ name: String = "shared-integrations") throws -> APISnapshot {
        try #require(try Fixtures.cdkCase(name).0.snapshots().first)
    }

    static func logicalIDs(_ snapshot: APISnapshot) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try TemplateSynthesizer().synthesize(snapshot).resources.map {
                ($0.key, $0.value.type)
            })
    }

    @Test(arguments: 0..<5)
    func shuffledInputGivesTheSameBytes(seed: Int) throws {
        let original = try Self.snapshot()
        var generator = SplitMix64(seed: UInt64(seed))
        var shuffled = original
        shuffled.routes.shuffle(using: &generator)
        shuffled.integrations.shuffle(using: &generator)
        shuffled.stages.shuffle(using: &generator)
        let synthesizer = TemplateSynthesizer()
        let (reordered, ordered) = (try synthesizer.synthesize(shuffled), try synthesizer.synthesize(original))
        #expect(reordered.json == ordered.json)
        #expect(reordered.yaml == ordered.yaml)
    }

    @Test func addingARouteChangesNoOtherLogicalID() throws {
        let before = try Self.snapshot()
        var after = before
        after.routes.append(
            Route(
                id: RouteID(uncheckedRawValue: "newrout"), apiID: before.api.id,
                routeKey: try RouteKey(parsing: "PUT /books/{id}/cover", protocolType: .http),
                target: before.routes[0].target))
        let old = try Self.logicalIDs(before)
        let new = try Self.logicalIDs(after)
        #expect(Set(old.keys).isSubset(of: Set(new.keys)))
        #expect(new.count == old.count + 2)  // the route and its permission
    }

    @Test func renamingOrDeletingARouteChangesNoOtherLogicalID() throws {
        let before = try Self.snapshot()
        var renamed = before
        renamed.routes[1].routeKey = try RouteKey(parsing: "PATCH /books", protocolType: .http)
        var deleted = before
        let removed = deleted.routes.remove(at: 2)
        let old = try Self.logicalIDs(before)
        for changed in [renamed, deleted] {
            let new = try Self.logicalIDs(changed)
            let gone = Set(old.keys).subtracting(new.keys)
            #expect(gone.allSatisfy { old[$0] == "AWS::ApiGatewayV2::Route" || old[$0] == "AWS::Lambda::Permission" })
            #expect(gone.filter { old[$0] == "AWS::ApiGatewayV2::Route" }.count == 1)
        }
        #expect(removed.routeKey.rawValue == "GET /books/{id}")
    }

    @Test func changingAnIntegrationOrStageChangesNoOtherLogicalID() throws {
        let before = try Self.snapshot("several-stages")
        var after = before
        after.integrations[0].integrationURI = "https://other.example.com"
        after.stages.removeLast()
        after.stages.append(
            Stage(
                apiID: before.api.id, name: try StageName(validating: "canary"), createdDate: before.api.createdDate,
                lastUpdatedDate: before.api.createdDate))
        let old = try Self.logicalIDs(before)
        let new = try Self.logicalIDs(after)
        let gone = Set(old.keys).subtracting(new.keys)
        let added = Set(new.keys).subtracting(old.keys)
        // Only the removed stage's ID goes and only the new stage's ID comes; the changed
        // integration keeps its ID, so redeploying updates it in place.
        #expect(gone.count == 1 && added.count == 1)
        #expect(gone.allSatisfy { old[$0] == "AWS::ApiGatewayV2::Stage" })
        #expect(added.allSatisfy { new[$0] == "AWS::ApiGatewayV2::Stage" })
    }

    @Test("two entities that would share a logical ID are refused, naming both, instead of one replacing the other")
    func sharedLogicalIDIsRefused() throws {
        // f1hl4ys and ga0oaqn have the same FNV-1a hash, and both keys reduce to the letters GETab.
        #expect(LogicalID.hash8("f1hl4ys") == LogicalID.hash8("ga0oaqn"))
        var snapshot = try Self.snapshot()
        snapshot.routes = try ["f1hl4ys": "GET /a-b", "ga0oaqn": "GET /ab"].sorted { $0.key < $1.key }.map { id, key in
            Route(
                id: RouteID(uncheckedRawValue: id), apiID: snapshot.api.id,
                routeKey: try RouteKey(parsing: key, protocolType: .http))
        }
        let error = expectRegistryError(.conflict) { () throws(RegistryError) in
            try TemplateSynthesizer().synthesize(snapshot)
        }
        #expect(error?.message.contains("route GET /ab (ga0oaqn)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("AWS::ApiGatewayV2::Route") == true)
        snapshot.routes.removeLast()
        #expect(try TemplateSynthesizer().synthesize(snapshot).count(of: "AWS::ApiGatewayV2::Route") == 1)
    }

    @Test func logicalIDsAreValidCloudFormationIDs() throws {
        for name in CDKFidelityTests.caseNames {
            for snapshot in try Fixtures.cdkCase(name).0.snapshots() {
                for id in try TemplateSynthesizer().synthesize(snapshot).resources.keys {
                    #expect(id.count <= 255 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(id)")
                }
            }
        }
    }
}
