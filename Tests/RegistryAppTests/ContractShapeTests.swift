import Foundation
import RegistryTestSupport
import Testing

@testable import RegistryApp
@testable import RegistryDomain

/// The wire shapes and `api/openapi.yaml` agree: every member a response carries is a property of
/// its schema in the contract, and every member a request input accepts is a property of both
/// request schemas (create and update). A member added to a response or an input but not to the
/// contract fails here. (The contract may document AWS members the registry does not produce yet.)
@Suite struct ContractShapeTests {
    static let epoch = Timestamp(millisecondsSinceEpoch: 0)
    static let apiID = APIID(uncheckedRawValue: "a1b2c3d4e5")

    /// One value of each response type and the contract schema it must fit.
    static let responses: [(schema: String, members: Set<String>)] = [
        ("Api", memberNames(of: APIBody(Sample.httpAPI, region: "us-east-1"))),
        (
            "Route",
            memberNames(
                of: RouteBody(
                    Route(
                        id: RouteID(uncheckedRawValue: "r1"), apiID: apiID,
                        routeKey: RouteKey(stored: "$default", protocolType: .http))))
        ),
        (
            "Integration",
            memberNames(
                of: IntegrationBody(
                    Integration(
                        id: IntegrationID(uncheckedRawValue: "i1"), apiID: apiID, integrationType: .awsProxy,
                        timeoutInMillis: 30_000)))
        ),
        (
            "Stage",
            memberNames(
                of: StageBody(
                    Stage(apiID: apiID, name: .defaultStage, createdDate: epoch, lastUpdatedDate: epoch)))
        ),
        (
            "Deployment",
            memberNames(
                of: DeploymentBody(
                    Deployment(
                        id: DeploymentID(uncheckedRawValue: "d1"), apiID: apiID, autoDeployed: false,
                        createdDate: epoch)))
        ),
        (
            "Authorizer",
            memberNames(
                of: AuthorizerBody(
                    Authorizer(
                        id: AuthorizerID(uncheckedRawValue: "a1"), apiID: apiID, name: "n", authorizerType: .jwt,
                        identitySource: [])))
        ),
        (
            "VpcLink",
            memberNames(
                of: VpcLinkBody(
                    VpcLink(
                        id: VpcLinkID(uncheckedRawValue: "v1"), name: "n", subnetIDs: [], createdDate: epoch)))
        ),
        (
            "Model",
            memberNames(
                of: ModelBody(
                    Model(id: ModelID(uncheckedRawValue: "m1"), apiID: apiID, name: "M", schema: "{}")))
        ),
        (
            "RouteResponse",
            memberNames(
                of: RouteResponseBody(
                    RouteResponse(
                        id: RouteResponseID(uncheckedRawValue: "r1"), apiID: apiID,
                        routeID: RouteID(uncheckedRawValue: "r2"), key: "$default")))
        ),
        (
            "IntegrationResponse",
            memberNames(
                of: IntegrationResponseBody(
                    IntegrationResponse(
                        id: IntegrationResponseID(uncheckedRawValue: "i1"), apiID: apiID,
                        integrationID: IntegrationID(uncheckedRawValue: "i2"), key: "$default")))
        ),
        ("DomainName", memberNames(of: domainNameBody)),
        ("DomainNameConfiguration", memberNames(of: domainNameBody.domainNameConfigurations[0])),
        ("MutualTlsAuthentication", memberNames(of: domainNameBody.mutualTlsAuthentication!)),
        (
            "ApiMapping",
            memberNames(
                of: APIMappingBody(
                    APIMapping(
                        id: APIMappingID(uncheckedRawValue: "m1"), domainName: DomainNameID(uncheckedRawValue: "a.b"),
                        apiID: apiID, stage: .defaultStage, key: "k")))
        ),
        (
            "CatalogEntry",
            memberNames(
                of: CatalogEntryBody(
                    CatalogEntry(
                        api: Sample.httpAPI, routeCount: 1,
                        lastChange: Change(
                            sequence: 1, stream: .api(apiID), revision: 1, createdDate: epoch, principal: "p",
                            requestID: nil, operation: "CreateApi", resourceType: "Api", resourceID: "a"),
                        matches: [CatalogMatch(kind: .route, itemID: "r1", text: "GET /")], matchCount: 1),
                    searched: true))
        ),
    ]

    static let domainNameBody = DomainNameBody(
        DomainName(
            name: DomainNameID(uncheckedRawValue: "api.example.com"), endpointID: "d-0123456789",
            configuration: DomainNameConfiguration(certificateArn: "arn:aws:acm:us-east-1:1:certificate/x"),
            mutualTLSAuthentication: MutualTLSAuthentication(truststoreUri: "s3://b/k"), createdDate: epoch),
        region: "us-east-1")

    @Test("every member of every response is a property of its schema", arguments: 0..<responses.count)
    func responsesFitTheirSchemas(index: Int) throws {
        let (schema, members) = Self.responses[index]
        let properties = try #require(Contract.schemaProperties[schema], "no schema \(schema) in api/openapi.yaml")
        #expect(members.subtracting(properties) == [], "\(schema): undocumented response members")
        #expect(!members.isEmpty)
    }

    /// One value of each input type, the contract's name for it, and the members only its create
    /// request takes (UpdateApi cannot change the protocol, UpdateVpcLink only the name, …).
    static let inputs: [(name: String, members: Set<String>, createOnly: Set<String>)] = [
        ("Api", memberNames(of: APIInput()), ["protocolType", "tags"]), ("Route", memberNames(of: RouteInput()), []),
        ("Integration", memberNames(of: IntegrationInput()), []),
        ("Stage", memberNames(of: StageInput()), ["stageName", "tags"]),
        ("Deployment", memberNames(of: DeploymentInput()), ["stageName"]),
        ("Authorizer", memberNames(of: AuthorizerInput()), []),
        ("VpcLink", memberNames(of: VpcLinkInput()), ["subnetIds", "securityGroupIds", "tags"]),
        ("DomainName", memberNames(of: DomainNameInput()), ["domainName", "tags"]),
        ("ApiMapping", memberNames(of: APIMappingInput()), []),
        ("Model", memberNames(of: ModelInput()), []),
        ("RouteResponse", memberNames(of: RouteResponseInput()), []),
        ("IntegrationResponse", memberNames(of: IntegrationResponseInput()), []),
    ]

    @Test(
        "every member an input accepts is a property of its create and update request schemas",
        arguments: 0..<inputs.count)
    func inputsFitTheirSchemas(index: Int) throws {
        let (name, members, createOnly) = Self.inputs[index]
        let create = try #require(Contract.schemaProperties["Create\(name)Request"], "no schema Create\(name)Request")
        let update = try #require(Contract.schemaProperties["Update\(name)Request"], "no schema Update\(name)Request")
        #expect(members.subtracting(create) == [], "Create\(name)Request lacks members")
        #expect(members.subtracting(update).subtracting(createOnly) == [], "Update\(name)Request lacks members")
        #expect(createOnly.isSubset(of: members))
    }
}
