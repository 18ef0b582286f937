public import Foundation
public import RegistryDomain
import RegistrySynth

/// A CDK reference case: registry content in the neutral form the reference templates were made
/// from (VPC links, APIs with integrations, routes and stages).
public struct CDKCase: Decodable, Sendable {
    /// A VPC link of the case.
    public struct Link: Decodable, Sendable {
        /// The case member `ref`.
        public let ref: String
        /// The case member `name`.
        public let name: String
        /// The case member `subnetIds`.
        public let subnetIds: [String]
        /// The case member `securityGroupIds`.
        public let securityGroupIds: [String]?
    }

    /// An integration of the case, by kind (`lambda`, `url`, `alb`, `nlb`, `servicediscovery`,
    /// `ws-lambda`, `ws-mock`).
    public struct CaseIntegration: Decodable, Sendable {
        /// The case member `ref`.
        public let ref: String
        /// The case member `kind`.
        public let kind: String
        /// The case member `functionArn`.
        public let functionArn: String?
        /// The case member `url`.
        public let url: String?
        /// The case member `listenerArn`.
        public let listenerArn: String?
        /// The case member `serviceArn`.
        public let serviceArn: String?
        /// The case member `vpcLink`.
        public let vpcLink: String?
        /// The case member `method`.
        public let method: String?
        /// The case member `payloadFormatVersion`.
        public let payloadFormatVersion: String?
        /// The case member `integrationUri` (`ws-aws`).
        public let integrationUri: String?
        /// The case member `integrationMethod` (`ws-aws`).
        public let integrationMethod: String?
        /// The case member `credentialsRoleArn` (`ws-aws`).
        public let credentialsRoleArn: String?
        /// The case member `requestTemplates` (`ws-mock`, `ws-aws`).
        public let requestTemplates: [String: String]?
        /// The case member `requestParameters` (`ws-aws`).
        public let requestParameters: [String: String]?
        /// The case member `templateSelectionExpression` (`ws-mock`, `ws-aws`).
        public let templateSelectionExpression: String?
        /// The case member `passthroughBehavior` (`ws-aws`).
        public let passthroughBehavior: String?
        /// The case member `contentHandling` (`ws-aws`).
        public let contentHandling: String?
        /// The case member `timeoutMs` (`ws-aws`).
        public let timeoutMs: Int?
    }

    /// A model of the case (WebSocket APIs; CDK's `CfnModel`).
    public struct CaseModel: Decodable, Sendable {
        /// The case member `name`.
        public let name: String
        /// The case member `schema`, as JSON text.
        public let schema: String
        /// The case member `contentType`.
        public let contentType: String?
        /// The case member `description`.
        public let description: String?

        enum CodingKeys: String, CodingKey { case name, schema, contentType, description }

        /// Decodes a case model; its schema is a JSON object in the case, text on the wire.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            schema = try container.decode(TemplateValue.self, forKey: .schema).json
            contentType = try container.decodeIfPresent(String.self, forKey: .contentType)
            description = try container.decodeIfPresent(String.self, forKey: .description)
        }
    }

    /// An integration response of the case (CDK's `CfnIntegrationResponse`).
    public struct CaseIntegrationResponse: Decodable, Sendable {
        /// The case member `integration` (an integration's `ref`).
        public let integration: String
        /// The case member `key`.
        public let key: String
        /// The case member `responseTemplates`.
        public let responseTemplates: [String: String]?
        /// The case member `templateSelectionExpression`.
        public let templateSelectionExpression: String?
        /// The case member `contentHandlingStrategy`.
        public let contentHandlingStrategy: String?
    }

    /// A route of the case.
    public struct CaseRoute: Decodable, Sendable {
        /// The case member `key`.
        public let key: String
        /// The case member `integration`.
        public let integration: String
        /// The case member `returnResponse`: the route gets `routeResponseSelectionExpression`
        /// `$default` and a `$default` route response, as CDK's `returnResponse` makes them.
        public let returnResponse: Bool?
        /// The case member `requestModels`.
        public let requestModels: [String: String]?
        /// The case member `modelSelectionExpression`.
        public let modelSelectionExpression: String?
    }

    /// A domain mapping of the case: a stage's `domainMapping` or an API's `defaultDomainMapping`.
    public struct DomainMapping: Decodable, Sendable {
        /// The case member `domain` (a domain name's `ref`).
        public let domain: String
        /// The case member `mappingKey`.
        public let mappingKey: String?
    }

    /// An API mapping of the case (CDK's `ApiMapping` construct).
    public struct CaseAPIMapping: Decodable, Sendable {
        /// The case member `domain` (a domain name's `ref`).
        public let domain: String
        /// The case member `stage`.
        public let stage: String?
        /// The case member `mappingKey`.
        public let mappingKey: String?
    }

    /// Mutual TLS of a case domain name.
    public struct MutualTLS: Decodable, Sendable {
        /// The case member `bucket`.
        public let bucket: String
        /// The case member `key`.
        public let key: String
        /// The case member `version`.
        public let version: String?
    }

    /// A custom domain name of the case.
    public struct CaseDomainName: Decodable, Sendable {
        /// The case member `ref`.
        public let ref: String
        /// The case member `name`.
        public let name: String
        /// The case member `certificateArn`.
        public let certificateArn: String
        /// The case member `certificateName`.
        public let certificateName: String?
        /// The case member `ownershipCertificateArn`.
        public let ownershipCertificateArn: String?
        /// The case member `mtls`.
        public let mtls: MutualTLS?

        /// The registry request body (CreateDomainName) for this domain name.
        public var body: DomainNameInput {
            DomainNameInput(
                domainName: name,
                domainNameConfigurations: [
                    DomainNameConfiguration(
                        certificateArn: certificateArn, certificateName: certificateName,
                        ownershipVerificationCertificateArn: ownershipCertificateArn)
                ],
                mutualTlsAuthentication: mtls.map {
                    MutualTLSAuthentication(truststoreUri: "s3://\($0.bucket)/\($0.key)", truststoreVersion: $0.version)
                })
        }
    }

    /// A stage of the case.
    public struct CaseStage: Decodable, Sendable {
        /// The case member `name`.
        public let name: String
        /// The case member `autoDeploy`.
        public let autoDeploy: Bool?
        /// The case member `domainMapping`.
        public let domainMapping: DomainMapping?
    }

    /// An API of the case.
    public struct CaseAPI: Decodable, Sendable {
        /// The case member `name`.
        public let name: String
        /// The case member `protocolType`.
        public let protocolType: String?
        /// The case member `routeSelectionExpression`.
        public let routeSelectionExpression: String?
        /// The case member `integrations`.
        public let integrations: [CaseIntegration]?
        /// The case member `routes`.
        public let routes: [CaseRoute]?
        /// The case member `stages`.
        public let stages: [CaseStage]?
        /// The case member `defaultDomainMapping` (CDK then creates its `$default` stage, auto-deployed).
        public let defaultDomainMapping: DomainMapping?
        /// The case member `apiMappings`.
        public let apiMappings: [CaseAPIMapping]?
        /// The case member `models`.
        public let models: [CaseModel]?
        /// The case member `integrationResponses`.
        public let integrationResponses: [CaseIntegrationResponse]?

        /// Every API mapping this API asks for: (domain ref, stage name, key or nil), in CDK's order.
        public var mappings: [(domain: String, stage: String, key: String?)] {
            var all: [(domain: String, stage: String, key: String?)] = []
            if let mapping = defaultDomainMapping { all.append((mapping.domain, "$default", mapping.mappingKey)) }
            for stage in stages ?? [] {
                if let mapping = stage.domainMapping { all.append((mapping.domain, stage.name, mapping.mappingKey)) }
            }
            for mapping in apiMappings ?? [] {
                all.append((mapping.domain, mapping.stage ?? "$default", mapping.mappingKey))
            }
            return all
        }

        /// The stages the registry holds for this API: the case's, after CDK's auto-deployed `$default`
        /// stage when the API has a default domain mapping.
        public var allStages: [(name: String, autoDeploy: Bool)] {
            (defaultDomainMapping == nil ? [] : [("$default", true)])
                + (stages ?? []).map { ($0.name, $0.autoDeploy ?? false) }
        }
    }

    /// The case member `stacks`: the names of CDK's stacks when the case has several.
    public let stacks: [String]?
    /// The case member `domainNames`.
    public let domainNames: [CaseDomainName]?
    /// The case member `vpcLinks`.
    public let vpcLinks: [Link]?
    /// The case member `apis`.
    public let apis: [CaseAPI]

    /// Loads a case file.
    public static func load(_ url: URL) throws -> CDKCase {
        try JSONDecoder().decode(CDKCase.self, from: Data(contentsOf: url))
    }

    /// The registry request body (CreateIntegration) for `integration`, with VPC link refs resolved
    /// through `links` — the same calls a registry client makes for this case.
    public static func integrationBody(_ integration: CaseIntegration, links: [String: String]) -> [String: Any] {
        switch integration.kind {
        case "lambda":
            return [
                "integrationType": "AWS_PROXY", "integrationUri": integration.functionArn ?? "",
                "payloadFormatVersion": integration.payloadFormatVersion ?? "2.0",
            ]
        case "url":
            return [
                "integrationType": "HTTP_PROXY", "integrationUri": integration.url ?? "",
                "integrationMethod": integration.method ?? "ANY", "payloadFormatVersion": "1.0",
            ]
        case "alb", "nlb", "servicediscovery":
            return [
                "integrationType": "HTTP_PROXY",
                "integrationUri":
                    (integration.kind == "servicediscovery" ? integration.serviceArn : integration.listenerArn)
                    ?? "",
                "integrationMethod": integration.method ?? "ANY", "connectionType": "VPC_LINK",
                "connectionId": links[integration.vpcLink ?? ""] ?? "", "payloadFormatVersion": "1.0",
            ]
        case "ws-lambda":
            return [
                "integrationType": "AWS_PROXY",
                "integrationUri": "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + (integration.functionArn ?? "") + "/invocations",
            ]
        default:  // ws-mock, ws-aws: CDK's WebSocketMockIntegration and WebSocketAwsIntegration
            let members: [String: Any?] = [
                "integrationType": integration.kind == "ws-aws" ? "AWS" : "MOCK",
                "integrationUri": integration.integrationUri, "integrationMethod": integration.integrationMethod,
                "credentialsArn": integration.credentialsRoleArn, "requestTemplates": integration.requestTemplates,
                "requestParameters": integration.requestParameters,
                "templateSelectionExpression": integration.templateSelectionExpression,
                "passthroughBehavior": integration.passthroughBehavior,
                "contentHandlingStrategy": integration.contentHandling, "timeoutInMillis": integration.timeoutMs,
            ]
            return members.compactMapValues { $0 }
        }
    }

    /// The registry content of this case as snapshots, one per API, with identifiers derived from
    /// the case's names so that the same case always gives the same snapshot. The values are the
    /// ones the registry stores for ``integrationBody(_:links:)`` (defaults applied).
    public func snapshots() throws -> [APISnapshot] {
        let created = Timestamp(millisecondsSinceEpoch: 1_767_225_600_000)
        var links: [String: VpcLink] = [:]
        for (index, link) in (vpcLinks ?? []).enumerated() {
            links[link.ref] = VpcLink(
                id: VpcLinkID(uncheckedRawValue: Self.identifier("l\(index)", length: 7)), name: link.name,
                subnetIDs: link.subnetIds, securityGroupIDs: link.securityGroupIds ?? [], createdDate: created)
        }
        return try apis.enumerated().map { index, api in
            let protocolType = ProtocolType(rawValue: api.protocolType ?? "HTTP") ?? .http
            let apiID = APIID(uncheckedRawValue: Self.identifier("a\(index)\(api.name)", length: 10))
            let entity = API(
                id: apiID, name: api.name, protocolType: protocolType,
                routeSelectionExpression: api.routeSelectionExpression ?? API.httpRouteSelectionExpression,
                createdDate: created)
            var integrations: [String: Integration] = [:]
            var ordered: [Integration] = []
            for (number, item) in (api.integrations ?? []).enumerated() {
                let body = Self.integrationBody(item, links: links.mapValues(\.id.rawValue))
                let type = IntegrationType(rawValue: body["integrationType"] as? String ?? "")!
                let nonProxy = type == .aws || type == .http || type == .mock
                let integration = Integration(
                    id: IntegrationID(uncheckedRawValue: Self.identifier("i\(index).\(number)", length: 7)),
                    apiID: apiID,
                    integrationType: type, integrationURI: body["integrationUri"] as? String,
                    integrationMethod: body["integrationMethod"] as? String ?? (type == .awsProxy ? "POST" : nil),
                    connectionType: body["connectionType"] as? String == "VPC_LINK" ? .vpcLink : .internet,
                    connectionID: (body["connectionId"] as? String).map(VpcLinkID.init(uncheckedRawValue:)),
                    payloadFormatVersion: body["payloadFormatVersion"] as? String ?? "1.0",
                    timeoutInMillis: item.timeoutMs ?? Integration.defaultTimeout(for: protocolType),
                    credentialsArn: item.credentialsRoleArn, requestParameters: item.requestParameters,
                    requestTemplates: item.requestTemplates,
                    templateSelectionExpression: item.templateSelectionExpression,
                    passthroughBehavior: item.passthroughBehavior.flatMap(PassthroughBehavior.init(rawValue:))
                        ?? (nonProxy ? .whenNoMatch : nil),
                    contentHandlingStrategy: item.contentHandling.flatMap(ContentHandlingStrategy.init(rawValue:)))
                integrations[item.ref] = integration
                ordered.append(integration)
            }
            let routes = try (api.routes ?? []).enumerated().map { number, route in
                Route(
                    id: RouteID(uncheckedRawValue: Self.identifier("r\(index).\(number)", length: 7)), apiID: apiID,
                    routeKey: try RouteKey(parsing: route.key, protocolType: protocolType),
                    target: integrations[route.integration]?.id,
                    modelSelectionExpression: route.modelSelectionExpression,
                    routeResponseSelectionExpression: route.returnResponse == true ? "$default" : nil,
                    requestModels: route.requestModels)
            }
            let routeResponses = zip(api.routes ?? [], routes).enumerated().compactMap { number, pair in
                pair.0.returnResponse == true
                    ? RouteResponse(
                        id: RouteResponseID(uncheckedRawValue: Self.identifier("rr\(index).\(number)", length: 7)),
                        apiID: apiID, routeID: pair.1.id, key: "$default") : nil
            }
            let models = (api.models ?? []).enumerated().map { number, model in
                Model(
                    id: ModelID(uncheckedRawValue: Self.identifier("md\(index).\(number)", length: 7)), apiID: apiID,
                    name: model.name, schema: model.schema, contentType: model.contentType,
                    description: model.description)
            }
            let integrationResponses = (api.integrationResponses ?? []).enumerated().compactMap { number, response in
                integrations[response.integration].map { integration in
                    IntegrationResponse(
                        id: IntegrationResponseID(
                            uncheckedRawValue: Self.identifier("ir\(index).\(number)", length: 7)),
                        apiID: apiID, integrationID: integration.id, key: response.key,
                        templateSelectionExpression: response.templateSelectionExpression,
                        responseTemplates: response.responseTemplates,
                        contentHandlingStrategy: response.contentHandlingStrategy.flatMap(
                            ContentHandlingStrategy.init(rawValue:)))
                }
            }
            let stages = try api.allStages.map { stage in
                Stage(
                    apiID: apiID, name: try StageName(validating: stage.name), autoDeploy: stage.autoDeploy,
                    createdDate: created, lastUpdatedDate: created)
            }
            let domains = Dictionary(uniqueKeysWithValues: (domainNames ?? []).map { ($0.ref, $0.name) })
            let mappings = try api.mappings.enumerated().map { number, mapping in
                APIMapping(
                    id: APIMappingID(uncheckedRawValue: Self.identifier("m\(index).\(number)", length: 6)),
                    domainName: try DomainNameID(validating: domains[mapping.domain] ?? "?"), apiID: apiID,
                    stage: try StageName(validating: mapping.stage), key: mapping.key ?? "")
            }
            let used = Set(ordered.compactMap(\.connectionID))
            return APISnapshot(
                api: entity, routes: routes, integrations: ordered, stages: stages,
                vpcLinks: links.values.filter { used.contains($0.id) }.sorted { $0.id < $1.id }, apiMappings: mappings,
                models: models, routeResponses: routeResponses, integrationResponses: integrationResponses)
        }
    }

    /// The case's custom domain names as the registry stores them for their ``CaseDomainName/body``
    /// (AWS's defaults applied).
    public func storedDomainNames() throws -> [DomainName] {
        try (domainNames ?? []).map { domain in
            let body = domain.body
            return DomainName(
                name: try DomainNameID(validating: domain.name),
                endpointID: "d-" + Self.identifier(domain.name, length: 10),
                configuration: try DomainName.configuration(from: body.domainNameConfigurations),
                mutualTLSAuthentication: body.mutualTlsAuthentication,
                createdDate: Timestamp(millisecondsSinceEpoch: 1_767_225_600_000))
        }
    }

    /// A lowercase alphanumeric identifier of `length` characters derived from `seed`.
    static func identifier(_ seed: String, length: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return String(
            (0..<length).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return alphabet[Int((state >> 33) % UInt64(alphabet.count))]
            })
    }
}
