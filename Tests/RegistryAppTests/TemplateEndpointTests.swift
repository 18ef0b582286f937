import Foundation
import HTTPTypes
import RegistryDomain
import RegistrySynth
import RegistryTestSupport
import Testing

/// `GET /v2/apis/{apiId}/template` over the real router and store.
@Suite struct TemplateEndpointTests {
    /// Creates the case's content through the wire API, as a registry client would.
    static func create(_ reference: CDKCase, in registry: TestRegistry) async throws -> [String: String] {
        func body(_ members: [String: Any]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: members), as: UTF8.self)
        }
        var links: [String: String] = [:]
        for link in reference.vpcLinks ?? [] {
            let reply = try await registry.call(
                .post, "/v2/vpclinks",
                try body([
                    "name": link.name, "subnetIds": link.subnetIds, "securityGroupIds": link.securityGroupIds ?? [],
                ]))
            #expect(reply.status == .created, "\(reply.body)")
            links[link.ref] = reply.string("vpcLinkId")
        }
        var domains: [String: String] = [:]
        for domain in reference.domainNames ?? [] {
            let input = domain.body
            var members: [String: Any] = [
                "domainName": domain.name,
                "domainNameConfigurations": [
                    [
                        "certificateArn": domain.certificateArn, "certificateName": domain.certificateName,
                        "ownershipVerificationCertificateArn": domain.ownershipCertificateArn,
                    ].compactMapValues { $0 }
                ],
            ]
            if let tls = input.mutualTlsAuthentication {
                members["mutualTlsAuthentication"] = [
                    "truststoreUri": tls.truststoreUri, "truststoreVersion": tls.truststoreVersion,
                ].compactMapValues { $0 }
            }
            let reply = try await registry.call(.post, "/v2/domainnames", try body(members))
            #expect(reply.status == .created, "\(reply.body)")
            domains[domain.ref] = domain.name
        }
        var apis: [String: String] = [:]
        for api in reference.apis {
            var members: [String: Any] = ["name": api.name, "protocolType": api.protocolType ?? "HTTP"]
            if let expression = api.routeSelectionExpression { members["routeSelectionExpression"] = expression }
            let created = try await registry.call(.post, "/v2/apis", try body(members))
            let apiID = created.string("apiId")
            apis[api.name] = apiID
            var integrations: [String: String] = [:]
            for integration in api.integrations ?? [] {
                let reply = try await registry.call(
                    .post, "/v2/apis/\(apiID)/integrations",
                    try body(CDKCase.integrationBody(integration, links: links)))
                #expect(reply.status == .created, "\(reply.body)")
                integrations[integration.ref] = reply.string("integrationId")
            }
            for model in api.models ?? [] {
                let members = [
                    "name": model.name, "schema": model.schema, "contentType": model.contentType,
                    "description": model.description,
                ].compactMapValues { $0 }
                let reply = try await registry.call(.post, "/v2/apis/\(apiID)/models", try body(members))
                #expect(reply.status == .created, "\(reply.body)")
            }
            for route in api.routes ?? [] {
                var members: [String: Any] = [
                    "routeKey": route.key, "target": "integrations/" + (integrations[route.integration] ?? ""),
                ]
                if route.returnResponse == true { members["routeResponseSelectionExpression"] = "$default" }
                if let models = route.requestModels { members["requestModels"] = models }
                if let expression = route.modelSelectionExpression { members["modelSelectionExpression"] = expression }
                let reply = try await registry.call(.post, "/v2/apis/\(apiID)/routes", try body(members))
                #expect(reply.status == .created, "\(reply.body)")
                if route.returnResponse == true {
                    let response = try await registry.call(
                        .post, "/v2/apis/\(apiID)/routes/\(reply.string("routeId"))/routeresponses",
                        try body(["routeResponseKey": "$default"]))
                    #expect(response.status == .created, "\(response.body)")
                }
            }
            for response in api.integrationResponses ?? [] {
                let members =
                    ([
                        "integrationResponseKey": response.key, "responseTemplates": response.responseTemplates,
                        "templateSelectionExpression": response.templateSelectionExpression,
                        "contentHandlingStrategy": response.contentHandlingStrategy,
                    ] as [String: Any?]).compactMapValues { $0 }
                let integration = integrations[response.integration] ?? "?"
                let reply = try await registry.call(
                    .post, "/v2/apis/\(apiID)/integrations/\(integration)/integrationresponses", try body(members))
                #expect(reply.status == .created, "\(reply.body)")
            }
            for stage in api.allStages {
                let reply = try await registry.call(
                    .post, "/v2/apis/\(apiID)/stages",
                    try body(["stageName": stage.name, "autoDeploy": stage.autoDeploy]))
                #expect(reply.status == .created, "\(reply.body)")
            }
            for mapping in api.mappings {
                var members = ["apiId": apiID, "stage": mapping.stage]
                if let key = mapping.key { members["apiMappingKey"] = key }
                let domain = domains[mapping.domain] ?? "?"
                let reply = try await registry.call(.post, "/v2/domainnames/\(domain)/apimappings", try body(members))
                #expect(reply.status == .created, "\(reply.body)")
            }
        }
        return apis
    }

    @Test(arguments: try Fixtures.cdkCaseNames())
    func servedTemplateIsEquivalentToCDKs(name: String) async throws {
        let (reference, _) = try Fixtures.cdkCase(name)
        let stacks = try Fixtures.cdkStacks(name).map { stack in
            try TemplateEquivalence.parse(JSONSerialization.data(withJSONObject: stack))
        }
        try await TestRegistry.run { registry in
            var served: [TemplateValue] = []
            for (apiName, apiID) in try await Self.create(reference, in: registry) {
                let reply = try await registry.call(.get, "/v2/apis/\(apiID)/template")
                #expect(reply.status == .ok)
                let actual = try TemplateEquivalence.parse(Data(reply.body.utf8))
                served.append(actual)
                let expected = try #require(
                    stacks.first { TemplateEquivalence.differences(expected: $0, actual: $0, apiName: apiName).isEmpty }
                )
                let differences = TemplateEquivalence.differences(expected: expected, actual: actual, apiName: apiName)
                #expect(differences.isEmpty, "\(name) / \(apiName):\n\(differences.joined(separator: "\n"))")
            }
            for domain in reference.domainNames ?? [] {
                let reply = try await registry.call(.get, "/v2/domainnames/\(domain.name)/template")
                #expect(reply.status == .ok)
                #expect(reply.headers[.contentDisposition] == "attachment; filename=\"\(domain.name).template.json\"")
                let actual = try TemplateEquivalence.parse(Data(reply.body.utf8))
                served.append(actual)
                let expected = try #require(
                    stacks.first {
                        TemplateEquivalence.domainCreations(in: $0).contains("DomainName:\"\(domain.name)\"")
                    })
                let differences = TemplateEquivalence.domainDifferences(
                    expected: expected, actual: actual, name: domain.name)
                #expect(differences.isEmpty, "\(name) / \(domain.name):\n\(differences.joined(separator: "\n"))")
            }
            let created = served.flatMap(TemplateEquivalence.domainCreations).sorted()
            #expect(created == stacks.flatMap(TemplateEquivalence.domainCreations).sorted(), "\(name)")
        }
    }

    @Test func formatsHeadersAndDeterminism() async throws {
        let (reference, _) = try Fixtures.cdkCase("seed-lambda-proxy")
        try await TestRegistry.run { registry in
            let apiID = try #require(try await Self.create(reference, in: registry)["HttpApi"])
            let json = try await registry.call(.get, "/v2/apis/\(apiID)/template")
            #expect(json.headers[.contentType] == "application/json")
            #expect(json.headers[.contentDisposition] == "attachment; filename=\"HttpApi.template.json\"")
            #expect(json.headers[HTTPField.Name("Server-Timing")!]?.contains("synth;dur=") == true)
            #expect(try await registry.call(.get, "/v2/apis/\(apiID)/template").body == json.body)
            let yaml = try await registry.call(.get, "/v2/apis/\(apiID)/template?format=yaml")
            #expect(yaml.headers[.contentType] == "application/yaml")
            #expect(yaml.headers[.contentDisposition] == "attachment; filename=\"HttpApi.template.yaml\"")
            #expect(yaml.body.hasPrefix("AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: "))
            #expect(yaml.body.contains("Type: AWS::ApiGatewayV2::Api\n"))
            let accepted = try await registry.call(
                .get, "/v2/apis/\(apiID)/template", headers: [.accept: "application/yaml"])
            #expect(accepted.body == yaml.body)
            let scoped = try await registry.call(.get, "/v2/apis/\(apiID)/template?permissions=function")
            #expect(scoped.body.contains("/*/*/*"))
            #expect(scoped.body.contains(#""LambdaPermissionScope": "function""#))
        }
    }

    @Test(arguments: ["format=xml", "permissions=stage"])
    func badOptionsAre400(query: String) async throws {
        try await TestRegistry.run { registry in
            let apiID = try await registry.createHTTPAPI()
            let reply = try await registry.call(.get, "/v2/apis/\(apiID)/template?\(query)")
            #expect(reply.status == .badRequest && reply.errorType == "BadRequestException")
        }
    }

    @Test func unknownAPIIs404() async throws {
        try await TestRegistry.run { registry in
            let reply = try await registry.call(.get, "/v2/apis/abcdefghij/template")
            #expect(reply.status == .notFound && reply.errorType == "NotFoundException")
        }
    }
}

/// ExportApi over the real router and store.
@Suite struct ExportEndpointTests {
    @Test func exportsJSONAndYAML() async throws {
        let (reference, _) = try Fixtures.cdkCase("shared-integrations")
        try await TestRegistry.run { registry in
            let apiID = try #require(try await TemplateEndpointTests.create(reference, in: registry)["SharedApi"])
            let json = try await registry.call(.get, "/v2/apis/\(apiID)/exports/OAS30?outputType=JSON")
            #expect(json.status == .ok)
            #expect(json.headers[.contentType] == "application/json")
            #expect(json.string("openapi") == "3.0.1")
            #expect((json.json["paths"] as? [String: Any])?["/books/{id}"] != nil)
            let yaml = try await registry.call(
                .get, "/v2/apis/\(apiID)/exports/OAS30?outputType=YAML&stageName=%24default")
            #expect(yaml.status == .ok && yaml.headers[.contentType] == "application/yaml")
            #expect(yaml.body.hasPrefix("openapi: \"3.0.1\"\ninfo:\n"))
            let bare = try await registry.call(
                .get, "/v2/apis/\(apiID)/exports/OAS30?outputType=JSON&includeExtensions=false")
            #expect(!bare.body.contains("x-amazon-apigateway"))
        }
    }

    @Test(arguments: [
        ("OAS30", "", 400), ("OAS30", "outputType=XML", 400), ("SWAGGER2", "outputType=JSON", 400),
        ("OAS30", "outputType=JSON&stageName=nope", 404), ("OAS30", "outputType=JSON&exportVersion=2.0", 400),
        ("OAS30", "outputType=JSON&includeExtensions=maybe", 400),
    ])
    func refusals(specification: String, query: String, status: Int) async throws {
        try await TestRegistry.run { registry in
            let apiID = try await registry.createHTTPAPI()
            let reply = try await registry.call(.get, "/v2/apis/\(apiID)/exports/\(specification)?\(query)")
            #expect(Int(reply.status.code) == status, "\(reply.body)")
        }
    }

    @Test func webSocketExportIsRefused() async throws {
        try await TestRegistry.run { registry in
            let created = try await registry.call(
                .post, "/v2/apis",
                #"{"name":"chat","protocolType":"WEBSOCKET","routeSelectionExpression":"$request.body.action"}"#)
            let reply = try await registry.call(
                .get, "/v2/apis/\(created.string("apiId"))/exports/OAS30?outputType=JSON")
            #expect(reply.status == .badRequest)
        }
    }
}
