import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// The template import's use case: everything a template declares in one write, one change per
/// VPC link, API and domain name, or nothing.
@Suite("Template import")
struct TemplateImportTests {
    static let certificate = "arn:aws:acm:us-east-1:123456789012:certificate/x"
    static let listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/1/2"

    /// A VPC link, an HTTP API with a private integration, a route, a deployment and a stage, a
    /// domain name and a mapping of the stage on it.
    static func plan(domainName: String = "orders.example.com", makesDomainName: Bool = true) -> TemplateImportPlan {
        var api = ImportedAPI(
            key: "Api", pointer: "/Resources/Api",
            plan: APIImportPlan(
                api: APIInput(name: "orders", protocolType: .http),
                integrations: [
                    ImportedIntegration(
                        key: "Private", pointer: "/Resources/Private",
                        input: IntegrationInput(
                            integrationType: .httpProxy, integrationUri: listener, integrationMethod: "ANY",
                            connectionType: .vpcLink, payloadFormatVersion: "1.0"),
                        vpcLinkKey: "Link")
                ],
                routes: [
                    ImportedRoute(
                        pointer: "/Resources/Route", input: RouteInput(routeKey: "ANY /orders/{proxy+}"),
                        integrationKey: "Private", key: "Route")
                ]))
        api.deployments = [
            ImportedResource(
                key: "Release", pointer: "/Resources/Release", input: DeploymentInput(description: "first"))
        ]
        api.stages = [
            ImportedStage(
                key: "Prod", pointer: "/Resources/Prod", input: StageInput(stageName: "prod"), deploymentKey: "Release")
        ]
        return TemplateImportPlan(
            vpcLinks: [
                ImportedResource(
                    key: "Link", pointer: "/Resources/Link",
                    input: VpcLinkInput(name: "link", subnetIds: ["subnet-0a1b2c3d4e5f60718"]))
            ],
            apis: [api],
            domainNames: makesDomainName
                ? [
                    ImportedResource(
                        key: "Domain", pointer: "/Resources/Domain",
                        input: DomainNameInput(
                            domainName: domainName,
                            domainNameConfigurations: [DomainNameConfiguration(certificateArn: certificate)]))
                ] : [],
            apiMappings: [
                ImportedAPIMapping(
                    key: "Mapping", pointer: "/Resources/Mapping", apiKey: "Api", domainName: domainName,
                    input: APIMappingInput(apiMappingKey: "v1", stage: "prod"))
            ])
    }

    @Test("an import makes everything in one write: one change per VPC link, API and domain name, in that order")
    func importsInOneWrite() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let result = try await service.importTemplate(Self.plan(), failOnWarnings: false)
        let link = try #require(result.vpcLinks.first?.vpcLink)
        let api = try #require(result.apis.first?.api)
        #expect(result.apis.map(\.key) == ["Api"] && result.vpcLinks.map(\.key) == ["Link"])
        #expect(result.domainNames.map(\.key) == ["Domain"])
        let snapshot = try await service.snapshot(of: api.id)
        #expect(snapshot.integrations.map(\.connectionID) == [link.id])
        #expect(snapshot.routes.map(\.target) == [snapshot.integrations[0].id])
        let stage = try #require(snapshot.stages.first)
        #expect(stage.name.rawValue == "prod" && stage.deploymentID != nil)
        #expect(try await service.deployment(stage.deploymentID!, in: api.id).description == "first")
        let mappings = try await service.apiMappings(on: DomainNameID(validating: "orders.example.com"), PageRequest())
        #expect(mappings.items.map(\.apiID) == [api.id] && mappings.items.map(\.key) == ["v1"])
        let changes = try await service.changes(ChangeFilter(), PageRequest()).items.reversed()
        #expect(changes.map(\.operation) == Array(repeating: RegistryService.templateImportOperation, count: 3))
        #expect(
            changes.map(\.stream) == [
                .vpcLink(link.id), .api(api.id), .domainName(try DomainNameID(validating: "orders.example.com")),
            ])
        #expect(changes.map(\.revision) == [1, 1, 1])
        // Each change reads back as of itself: the API existed before the domain name's change mapped it.
        let asOfAPIChange = try await service.snapshot(of: api.id, atRevision: 1)
        #expect(asOfAPIChange.routes.count == 1 && asOfAPIChange.apiMappings.isEmpty)
    }

    @Test("a refused import changes nothing, and names the place that broke the rule")
    func refusedImportChangesNothing() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let error = await #expect(throws: RegistryError.self) {
            try await service.importTemplate(Self.plan(makesDomainName: false), failOnWarnings: false)
        }
        #expect(error?.code == .notFound)
        #expect(
            error?.message.hasPrefix("Errors found during import: /Resources/Mapping: ") == true,
            "\(error?.message ?? "")")
        #expect(try await service.apis(PageRequest()).items.isEmpty)
        #expect(try await service.vpcLinks(PageRequest()).items.isEmpty)
        #expect(try await service.changes(ChangeFilter(), PageRequest()).items.isEmpty)
        var warned = Self.plan()
        warned.warnings = ["/Resources/Fn: AWS::Lambda::Function is not imported."]
        let refusal = await #expect(throws: RegistryError.self) {
            try await service.importTemplate(warned, failOnWarnings: true)
        }
        #expect(refusal?.message.hasPrefix("Warnings found during import:\n\t/Resources/Fn") == true)
        #expect(try await service.apis(PageRequest()).items.isEmpty)
    }

    @Test("a mapping onto a registered domain name is that domain name's change; a second import of it conflicts")
    func mapsOntoARegisteredDomainName() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let domain = try await service.createDomainName(
            DomainNameInput(
                domainName: "orders.example.com",
                domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate)]))
        _ = try await service.importTemplate(Self.plan(makesDomainName: false), failOnWarnings: false)
        let changes = try await service.changes(ChangeFilter(resourceType: .domainName), PageRequest()).items
        #expect(
            changes.map(\.revision) == [2, 1]
                && changes.map(\.stream) == [.domainName(domain.name), .domainName(domain.name)])
        let conflict = await #expect(throws: RegistryError.self) {
            try await service.importTemplate(Self.plan(), failOnWarnings: false)
        }
        #expect(conflict?.code == .conflict)
        #expect(conflict?.message.hasPrefix("Errors found during import: /Resources/Domain: ") == true)
        #expect(try await service.apis(PageRequest()).items.count == 1)
    }

    @Test("a dry run of an import keeps every stream it would change and the state of every API and domain name")
    func dryRunOfAnImport() async throws {
        let fixture = try StoreFixture()
        let dryRun = DryRun()
        let result = try await DryRun.$current.withValue(dryRun) {
            try await fixture.service.importTemplate(Self.plan(), failOnWarnings: false)
        }
        let api = try #require(result.apis.first?.api)
        #expect(dryRun.streams.count == 3 && dryRun.revision == nil)
        #expect(dryRun.before?.apis.isEmpty == true && dryRun.before?.domainNames.isEmpty == true)
        #expect(dryRun.after?.apis[api.id]?.routes.count == 1)
        #expect(dryRun.after?.domainNames.map(\.name.rawValue) == ["orders.example.com"])
        #expect(try await fixture.service.apis(PageRequest()).items.isEmpty)
    }
}
