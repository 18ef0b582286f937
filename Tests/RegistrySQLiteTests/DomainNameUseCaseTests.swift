import RegistryDomain
import RegistryTestSupport
import Testing

/// Custom domain names and API mappings through the use cases over a real store: AWS's rules on
/// mappings (the stage of the API, a key once per domain, WebSocket apart from HTTP), and what
/// deleting a domain, an API or a stage does to them.
@Suite("Domain names and API mappings")
struct DomainNameUseCaseTests {
    static let certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

    /// A domain name, an HTTP API with stages `prod` and `beta`, and a WebSocket API with stage `live`.
    struct Catalog {
        let fixture: StoreFixture
        let domain: DomainName
        let http: API
        let webSocket: API

        init(quotas: Quotas = .aws) async throws {
            fixture = try StoreFixture(quotas: quotas)
            domain = try await fixture.service.createDomainName(
                DomainNameInput(
                    domainName: "API.example.com",
                    domainNameConfigurations: [DomainNameConfiguration(certificateArn: certificate)]))
            http = try await fixture.httpAPI()
            webSocket = try await fixture.webSocketAPI()
            for name in ["prod", "beta"] {
                _ = try await fixture.service.createStage(in: http.id, StageInput(stageName: name))
            }
            _ = try await fixture.service.createStage(in: webSocket.id, StageInput(stageName: "live"))
        }

        func map(_ api: API, _ stage: String, key: String? = nil) async throws -> APIMapping {
            try await fixture.service.createAPIMapping(
                on: domain.name, APIMappingInput(apiId: api.id.rawValue, apiMappingKey: key, stage: stage))
        }

        func mappings() async throws -> [APIMapping] {
            try await fixture.service.apiMappings(on: domain.name, PageRequest()).items
        }
    }

    @Test("a created domain name is lowercase, REGIONAL, TLS 1.2, with an endpoint id; a second one conflicts")
    func create() async throws {
        let catalog = try await Catalog()
        #expect(catalog.domain.name.rawValue == "api.example.com")
        #expect(catalog.domain.configuration.endpointType == .regional)
        #expect(catalog.domain.configuration.securityPolicy == .tls12)
        #expect(catalog.domain.endpointID.hasPrefix("d-") && catalog.domain.endpointID.count == 12)
        #expect(try await catalog.fixture.service.domainName(catalog.domain.name) == catalog.domain)
        await expectRegistryError(.conflict) {
            try await catalog.fixture.service.createDomainName(
                DomainNameInput(
                    domainName: "api.EXAMPLE.com",
                    domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate)]))
        }
        await expectRegistryError(.badRequest) {
            try await catalog.fixture.service.createDomainName(
                DomainNameInput(
                    domainName: "edge.example.com",
                    domainNameConfigurations: [
                        DomainNameConfiguration(certificateArn: Self.certificate, endpointType: .edge)
                    ]))
        }
        #expect(try await catalog.fixture.service.domainNames(PageRequest()).items.count == 1)
    }

    static let mappingCases: [UseCaseCase<APIMappingInput>] = [
        .init("root of the HTTP API's prod", nil, APIMappingInput(apiId: "@http", stage: "prod")),
        .init("multi-level key", nil, APIMappingInput(apiId: "@http", apiMappingKey: "v1/orders", stage: "prod")),
        .init("stage of another API", .badRequest, APIMappingInput(apiId: "@http", stage: "live")),
        .init("no such stage", .badRequest, APIMappingInput(apiId: "@http", stage: "gamma")),
        .init("no such API", .notFound, APIMappingInput(apiId: "zzzzzzzzzz", stage: "prod")),
        .init("malformed API id", .notFound, APIMappingInput(apiId: "../x", stage: "prod")),
        .init("no stage", .badRequest, APIMappingInput(apiId: "@http")),
        .init("no API", .badRequest, APIMappingInput(stage: "prod")),
        .init("key taken", .conflict, APIMappingInput(apiId: "@http", apiMappingKey: "taken", stage: "beta")),
        .init("bad key", .badRequest, APIMappingInput(apiId: "@http", apiMappingKey: "/v1", stage: "prod")),
        .init(
            "WebSocket next to HTTP", .badRequest, APIMappingInput(apiId: "@ws", apiMappingKey: "chat", stage: "live")),
    ]

    @Test("CreateApiMapping rules; a refused mapping stores nothing", arguments: mappingCases)
    func createMapping(_ row: UseCaseCase<APIMappingInput>) async throws {
        let catalog = try await Catalog()
        let taken = try await catalog.map(catalog.http, "prod", key: "taken")
        var placeholders = Placeholders()
        placeholders.values = ["http": catalog.http.id.rawValue, "ws": catalog.webSocket.id.rawValue]
        let input = APIMappingInput(
            apiId: placeholders.resolve(row.input.apiId), apiMappingKey: row.input.apiMappingKey,
            stage: row.input.stage)
        await expectOutcome(row.expected) {
            try await catalog.fixture.service.createAPIMapping(on: catalog.domain.name, input)
        }
        #expect(try await catalog.mappings().count == (row.expected == nil ? 2 : 1))
        #expect(try await catalog.mappings().first == taken)
    }

    @Test("WebSocket mappings: one level, and not next to HTTP APIs")
    func webSocketMappings() async throws {
        let catalog = try await Catalog()
        let chat = try await catalog.map(catalog.webSocket, "live", key: "chat")
        await expectRegistryError(.badRequest) { try await catalog.map(catalog.webSocket, "live", key: "v1/chat") }
        await expectRegistryError(.badRequest) { try await catalog.map(catalog.http, "prod", key: "orders") }
        #expect(try await catalog.mappings() == [chat])
    }

    @Test("UpdateApiMapping re-keys and re-stages; it needs apiId and keeps every rule")
    func updateMapping() async throws {
        let catalog = try await Catalog()
        let service = catalog.fixture.service
        let prod = try await catalog.map(catalog.http, "prod", key: "v1")
        let beta = try await catalog.map(catalog.http, "beta", key: "beta")
        let updated = try await service.updateAPIMapping(
            prod.id, on: catalog.domain.name,
            APIMappingInput(apiId: catalog.http.id.rawValue, apiMappingKey: "v2", stage: "beta"))
        #expect(updated.key == "v2" && updated.stage.rawValue == "beta")
        await expectRegistryError(.conflict) {
            try await service.updateAPIMapping(
                prod.id, on: catalog.domain.name,
                APIMappingInput(apiId: catalog.http.id.rawValue, apiMappingKey: "beta"))
        }
        await expectRegistryError(.badRequest) {
            try await service.updateAPIMapping(prod.id, on: catalog.domain.name, APIMappingInput(apiMappingKey: "v3"))
        }
        #expect(try await catalog.mappings() == [updated, beta])
        try await service.deleteAPIMapping(beta.id, on: catalog.domain.name)
        await expectRegistryError(.notFound) { try await service.apiMapping(beta.id, on: catalog.domain.name) }
    }

    @Test("a mapped API or stage is not deleted; deleting the domain name deletes its mappings")
    func deletes() async throws {
        let catalog = try await Catalog()
        let service = catalog.fixture.service
        let mapping = try await catalog.map(catalog.http, "prod", key: "v1")
        await expectRegistryError(.badRequest) { try await service.deleteAPI(catalog.http.id) }
        await expectRegistryError(.badRequest) {
            try await service.deleteStage(StageName(uncheckedRawValue: "prod"), in: catalog.http.id)
        }
        try await service.deleteStage(StageName(uncheckedRawValue: "beta"), in: catalog.http.id)
        #expect(try await service.snapshot(of: catalog.http.id).apiMappings == [mapping])
        try await service.deleteDomainName(catalog.domain.name)
        await expectRegistryError(.notFound) { try await service.domainName(catalog.domain.name) }
        #expect(try await service.snapshot(of: catalog.http.id).apiMappings == [])
        try await service.deleteAPI(catalog.http.id)
    }

    @Test("multi-level mappings per domain name have a quota; one-level keys do not count")
    func multiLevelQuota() async throws {
        let catalog = try await Catalog(quotas: Quotas(multiLevelAPIMappingsPerDomainName: 1))
        _ = try await catalog.map(catalog.http, "prod", key: "v1/orders")
        _ = try await catalog.map(catalog.http, "beta", key: "beta")
        await expectRegistryError(.tooManyRequests) { try await catalog.map(catalog.http, "beta", key: "v1/beta") }
        #expect(try await catalog.mappings().count == 2)
    }

    @Test("tags on a domain name by its ARN; UpdateDomainName changes the certificate and mutual TLS")
    func tagsAndUpdate() async throws {
        let catalog = try await Catalog()
        let service = catalog.fixture.service
        let resource = try TaggedResource(arn: "arn:aws:apigateway:us-east-1::/domainnames/api.example.com")
        try await service.tag(resource, with: ["team": "edge"])
        #expect(try await service.tags(of: resource) == ["team": "edge"])
        let updated = try await service.updateDomainName(
            catalog.domain.name,
            DomainNameInput(
                domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate + "2")],
                mutualTlsAuthentication: MutualTLSAuthentication(truststoreUri: "s3://trust/ca.pem")))
        #expect(updated.configuration.certificateArn == Self.certificate + "2")
        #expect(updated.mutualTLSAuthentication?.truststoreUri == "s3://trust/ca.pem")
        #expect(updated.tags == ["team": "edge"])
        #expect(updated.endpointID == catalog.domain.endpointID)
        await expectRegistryError(.badRequest) {
            try await service.updateDomainName(
                catalog.domain.name,
                DomainNameInput(domainNameConfigurations: [
                    DomainNameConfiguration(certificateArn: Self.certificate, securityPolicy: .tls10)
                ]))
        }
        #expect(try await service.domainName(catalog.domain.name) == updated)
    }
}
