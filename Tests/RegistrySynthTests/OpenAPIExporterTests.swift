import Foundation
import RegistryDomain
import RegistrySynth
import RegistryTestSupport
import Testing
import Yams

/// ExportApi's OpenAPI 3.0.1 document, built from a snapshot.
@Suite struct OpenAPIExporterTests {
    static func member(_ value: TemplateValue?, _ path: String...) -> TemplateValue? {
        var current = value
        for key in path {
            guard case .map(let members)? = current else { return nil }
            current = members[key]
        }
        return current
    }

    static func export(_ name: String, options: OpenAPIExportOptions = OpenAPIExportOptions()) throws -> TemplateValue {
        try OpenAPIExporter().export(try #require(try Fixtures.cdkCase(name).0.snapshots().first), options: options)
    }

    @Test func operationsPerRouteWithIntegrationExtensions() throws {
        let document = try Self.export("shared-integrations")
        #expect(Self.member(document, "openapi") == .string("3.0.1"))
        #expect(Self.member(document, "x-amazon-apigateway-importexport-version") == .string("1.0"))
        #expect(Self.member(document, "info", "title") == .string("SharedApi"))
        let books = Self.member(document, "paths", "/books")
        #expect(Self.member(books, "get") != nil && Self.member(books, "post") != nil)
        let integration = Self.member(books, "get", "x-amazon-apigateway-integration")
        #expect(Self.member(integration, "type") == .string("aws_proxy"))
        #expect(Self.member(integration, "httpMethod") == .string("POST"))
        #expect(Self.member(integration, "payloadFormatVersion") == .string("2.0"))
        #expect(Self.member(integration, "uri") == .string("arn:aws:lambda:us-east-1:123456789012:function:books"))
        #expect(Self.member(integration, "connectionType") == .string("INTERNET"))
        #expect(Self.member(integration, "timeoutInMillis") == .integer(30000))
        let byID = Self.member(document, "paths", "/books/{id}")
        #expect(Self.member(byID, "delete") != nil)
        guard case .list(let parameters)? = Self.member(byID, "parameters") else {
            Issue.record("no parameters on /books/{id}")
            return
        }
        #expect(parameters.count == 1)
        #expect(Self.member(parameters.first, "name") == .string("id"))
        #expect(Self.member(parameters.first, "in") == .string("path"))
        let greedy = Self.member(document, "paths", "/legacy/{proxy+}")
        #expect(
            Self.member(greedy, "x-amazon-apigateway-any-method", "x-amazon-apigateway-integration", "type")
                == .string("http_proxy"))
        let defaultRoute = Self.member(document, "paths", "/$default", "x-amazon-apigateway-any-method")
        #expect(Self.member(defaultRoute, "isDefaultRoute") == .boolean(true))
    }

    @Test func privateIntegrationsCarryTheirConnection() throws {
        let document = try Self.export("two-vpc-links")
        let integration = Self.member(
            document, "paths", "/inventory", "get", "x-amazon-apigateway-integration")
        #expect(Self.member(integration, "connectionType") == .string("VPC_LINK"))
        guard case .string(let link)? = Self.member(integration, "connectionId") else {
            Issue.record("no connectionId")
            return
        }
        #expect(link.count == 7)
    }

    @Test func withoutExtensionsNothingAmazonRemains() throws {
        let document = try Self.export("shared-integrations", options: OpenAPIExportOptions(includeExtensions: false))
        #expect(!document.json.contains("x-amazon-apigateway"))
        #expect(Self.member(document, "paths", "/$default") == nil)
        #expect(Self.member(document, "paths", "/books", "get", "responses") != nil)
    }

    @Test func serverNamesTheStageAndRegion() throws {
        let document = try Self.export(
            "several-stages",
            options: OpenAPIExportOptions(stage: try StageName(validating: "prod"), region: "eu-west-1"))
        guard case .list(let servers)? = Self.member(document, "servers") else {
            Issue.record("no servers")
            return
        }
        guard case .string(let url)? = Self.member(servers.first, "url") else {
            Issue.record("no url")
            return
        }
        #expect(url.hasSuffix(".execute-api.eu-west-1.amazonaws.com/{basePath}"))
        #expect(Self.member(servers.first, "variables", "basePath", "default") == .string("prod"))
    }

    @Test func webSocketAPIsCannotBeExported() throws {
        let snapshot = try #require(try Fixtures.cdkCase("websocket-lifecycle").0.snapshots().first)
        #expect(throws: RegistryError.self) { try OpenAPIExporter().export(snapshot) }
    }

    @Test func exportIsDeterministic() throws {
        #expect(try Self.export("shared-integrations").json == (try Self.export("shared-integrations")).json)
    }

    @Test(
        "every case's export loads from YAML, with Yams, as the same document as its JSON",
        arguments: CDKFidelityTests.caseNames)
    func yamlLoadsAsTheSameDocument(name: String) throws {
        for snapshot in try Fixtures.cdkCase(name).0.snapshots() where snapshot.api.protocolType == .http {
            let document = try OpenAPIExporter().export(snapshot)
            let loaded = try #require(try Yams.load(yaml: document.yaml))
            let fromYAML = try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: loaded))
            #expect(fromYAML == document, "\(name)")
            #expect(document.yaml.hasPrefix("openapi: \"3.0.1\"\ninfo:\n"))
        }
    }
}
