import Foundation
import RegistryTestSupport
import Testing

@testable import RegistrySynth

/// Change sets between two templates: what is added, removed, modified, and what a change replaces,
/// directly and through references.
@Suite("Change sets")
struct ChangeSetTests {
    /// A small stack: an API, an integration, a route to it and the route's Lambda permission.
    static let base = CloudFormationTemplate(
        description: "pets",
        resources: [
            "Api": TemplateResource(
                type: "AWS::ApiGatewayV2::Api", properties: ["Name": .string("pets"), "ProtocolType": .string("HTTP")]),
            "Integration": TemplateResource(
                type: "AWS::ApiGatewayV2::Integration",
                properties: ["ApiId": .ref("Api"), "IntegrationType": .string("AWS_PROXY")]),
            "Route": TemplateResource(
                type: "AWS::ApiGatewayV2::Route",
                properties: [
                    "ApiId": .ref("Api"), "RouteKey": .string("GET /pets"),
                    "Target": .join([.string("integrations/"), .ref("Integration")]),
                ]),
            "Permission": TemplateResource(
                type: "AWS::Lambda::Permission",
                properties: [
                    "Action": .string("lambda:InvokeFunction"), "FunctionName": .string("orders"),
                    "SourceArn": .join([.string("arn:aws:execute-api:"), .ref("AWS::Region"), .string(":/GET/pets")]),
                ]),
        ])

    /// One row: a change to ``base`` and the resource changes it must give (logical ID, action,
    /// replacement, and each detail's property and recreation).
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let change: @Sendable (inout CloudFormationTemplate) -> Void
        let expected: [String]
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(label: "nothing changes", change: { _ in }, expected: []),
        Case(
            label: "a resource added and one removed",
            change: { template in
                template.resources["Stage"] = TemplateResource(
                    type: "AWS::ApiGatewayV2::Stage",
                    properties: ["ApiId": .ref("Api"), "StageName": .string("$default")])
                template.resources["Permission"] = nil
            },
            expected: ["Permission Remove", "Stage Add"]),
        Case(
            label: "a mutable property changes in place",
            change: { template in template.resources["Route"]?.properties["RouteKey"] = .string("GET /cats") },
            expected: ["Route Modify False RouteKey:Never"]),
        Case(
            label: "a create-only property replaces the resource",
            change: { template in
                template.resources["Permission"]?.properties["SourceArn"] = .string("arn:aws:execute-api:::/GET/cats")
            },
            expected: ["Permission Modify True SourceArn:Always"]),
        Case(
            label: "a property removed and one added",
            change: { template in
                template.resources["Route"]?.properties["AuthorizationType"] = .string("AWS_IAM")
                template.resources["Route"]?.properties["Target"] = nil
            },
            expected: ["Route Modify False AuthorizationType:Never Target:Never"]),
        Case(
            label: "what refers to a replaced resource is replaced conditionally through create-only properties",
            change: { template in template.resources["Api"]?.properties["ProtocolType"] = .string("WEBSOCKET") },
            expected: [
                "Api Modify True ProtocolType:Always", "Integration Modify Conditional ApiId:Conditionally",
                "Route Modify Conditional ApiId:Conditionally Target:Never",
            ]),
        Case(
            label: "a mutable reference to a replaced resource changes without replacing",
            change: { template in template.resources["Integration"]?.properties["ApiId"] = .string("elsewhere") },
            expected: ["Integration Modify True ApiId:Always", "Route Modify False Target:Never"]),
        Case(
            label: "an explicit dependency changes",
            change: { template in template.resources["Route"]?.dependsOn = ["Integration"] },
            expected: ["Route Modify False DependsOn:Never"]),
    ]

    /// A change set in the rows' notation.
    static func summary(_ changeSet: ChangeSet) -> [String] {
        changeSet.changes.map { change in
            ([change.logicalID, change.action.rawValue] + (change.replacement.map { [$0.rawValue] } ?? [])
                + change.details.map { "\($0.property):\($0.requiresRecreation.rawValue)" }).joined(separator: " ")
        }
    }

    @Test("the change set between two templates", arguments: cases)
    func changeSets(_ row: Case) {
        var after = Self.base
        row.change(&after)
        #expect(Self.summary(ChangeSet(from: Self.base, to: after)) == row.expected)
    }

    @Test("no stack before is all adds, no stack after all removes")
    func fromAndToNothing() {
        let created = ChangeSet(from: nil, to: Self.base)
        #expect(created.changes.map(\.action) == Array(repeating: .add, count: 4))
        #expect(created.changes.map(\.logicalID) == ["Api", "Integration", "Permission", "Route"])
        let deleted = ChangeSet(from: Self.base, to: nil)
        #expect(deleted.changes.allSatisfy { $0.action == .remove && $0.replacement == nil && $0.details.isEmpty })
    }

    @Test("details carry the values before and after")
    func values() {
        var after = Self.base
        after.resources["Route"]?.properties["RouteKey"] = .string("GET /cats")
        let detail = ChangeSet(from: Self.base, to: after).changes.first?.details.first
        #expect(detail?.before == .string("GET /pets") && detail?.after == .string("GET /cats"))
    }

    @Test("text reads as cdk diff prints it")
    func text() {
        var after = Self.base
        after.resources["Permission"]?.properties["SourceArn"] = .string("arn:aws:execute-api:::/GET/cats")
        after.resources["Route"]?.properties["RouteKey"] = .string("GET /cats")
        after.resources["Route"]?.properties["AuthorizationScopes"] = .strings(["read"])
        after.resources["Integration"] = nil
        after.resources["Stage"] = TemplateResource(type: "AWS::ApiGatewayV2::Stage", properties: [:])
        #expect(
            ChangeSet(from: Self.base, to: after).text == """
                Resources
                [-] AWS::ApiGatewayV2::Integration Integration destroy
                [~] AWS::Lambda::Permission Permission replace
                 └─ [~] SourceArn (requires replacement)
                     ├─ [-] {"Fn::Join": ["", ["arn:aws:execute-api:", {"Ref": "AWS::Region"}, ":/GET/pets"]]}
                     └─ [+] arn:aws:execute-api:::/GET/cats
                [~] AWS::ApiGatewayV2::Route Route
                 ├─ [~] AuthorizationScopes
                 │   └─ [+] ["read"]
                 └─ [~] RouteKey
                     ├─ [-] GET /pets
                     └─ [+] GET /cats
                [+] AWS::ApiGatewayV2::Stage Stage

                """)
        #expect(ChangeSet(from: Self.base, to: Self.base).text == "There were no differences\n")
    }

    @Test("the create-only properties compiled in are data/'s, and name every type synthesis makes")
    func createOnlyData() throws {
        let url = Fixtures.repository.appendingPathComponent("data/cloudformation-create-only-properties.json")
        let document = try JSONDecoder().decode(CreateOnlyDocument.self, from: Data(contentsOf: url))
        #expect(document.types.mapValues(Set.init) == CreateOnlyProperties.byType, "run scripts/embed-resources")
        #expect(document.source.contains("cfn-lint"))
        #expect(CreateOnlyProperties.byType["AWS::Lambda::Permission"]?.contains("SourceArn") == true)
    }

    struct CreateOnlyDocument: Decodable {
        let source: String
        let types: [String: [String]]
    }
}
