public import RegistryDomain

/// Turns a registry snapshot of one API into the CloudFormation template that deploys it: the
/// resources AWS CDK's `aws-apigatewayv2` and `aws-apigatewayv2-integrations` would synthesize.
///
/// Synthesis is a pure function: no clock, no randomness, no I/O; the same snapshot always gives
/// the same template, and the renderings sort their keys, so the same content gives the same bytes.
/// The template is environment-agnostic: partition, region and account are pseudo-parameter
/// references.
public struct TemplateSynthesizer: Sendable {
    /// Creates a synthesizer.
    public init() {}

    /// The template for `snapshot`.
    public func synthesize(
        _ snapshot: APISnapshot, options: SynthesisOptions = SynthesisOptions()
    ) -> CloudFormationTemplate {
        let api = snapshot.api
        let apiID = LogicalID.make("Api", api.name, identity: api.id.rawValue)
        var resources: [String: TemplateResource] = [apiID: Self.apiResource(api)]

        let targeted = Set(snapshot.routes.compactMap(\.target))
        let integrations = snapshot.integrations.filter { targeted.contains($0.id) }
        let links = Dictionary(snapshot.vpcLinks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var linkIDs: [VpcLinkID: String] = [:]
        for id in integrations.compactMap(\.connectionID) where linkIDs[id] == nil {
            guard let link = links[id] else { continue }
            let logicalID = LogicalID.make("VpcLink", link.name, identity: link.id.rawValue)
            linkIDs[id] = logicalID
            resources[logicalID] = Self.vpcLinkResource(link)
        }
        var integrationIDs: [IntegrationID: String] = [:]
        for integration in integrations {
            let logicalID = LogicalID.make(
                "Integration", Self.readableName(of: integration), identity: integration.id.rawValue)
            integrationIDs[integration.id] = logicalID
            resources[logicalID] = Self.integrationResource(
                integration, protocolType: api.protocolType, apiID: apiID,
                connectionID: integration.connectionID.flatMap { linkIDs[$0] })
        }
        var authorizerIDs: [AuthorizerID: String] = [:]
        for authorizer in snapshot.authorizers {
            let logicalID = LogicalID.make("Authorizer", authorizer.name, identity: authorizer.id.rawValue)
            authorizerIDs[authorizer.id] = logicalID
            resources[logicalID] = Self.authorizerResource(authorizer, apiID: apiID)
        }
        let apiRef = TemplateValue.ref(apiID)
        let targets = integrationIDs.mapValues { TemplateValue.join([.string("integrations/"), .ref($0)]) }
        let authorizerRefs = authorizerIDs.mapValues(TemplateValue.ref)
        resources.reserveCapacity(resources.count + snapshot.routes.count + snapshot.stages.count)
        for route in snapshot.routes {
            let logicalID = LogicalID.make("Route", route.routeKey.rawValue, identity: route.id.rawValue)
            resources[logicalID] = Self.routeResource(
                route, apiRef: apiRef, target: route.target.flatMap { targets[$0] },
                authorizerRef: route.authorizerID.flatMap { authorizerRefs[$0] })
        }
        for stage in snapshot.stages {
            let logicalID = LogicalID.make(
                "Stage", stage.name.rawValue, identity: "\(api.id.rawValue)/\(stage.name.rawValue)")
            resources[logicalID] = Self.stageResource(stage, apiID: apiID)
        }

        let permissions = LambdaPermissionPlan(snapshot: snapshot, integrations: integrations)
        let scope = permissions.scope(
            requested: options.permissionScope, otherResources: resources.count)
        for (logicalID, resource) in permissions.resources(
            scope: scope.scope, apiID: apiID, authorizerIDs: authorizerIDs)
        {
            resources[logicalID] = resource
        }

        return CloudFormationTemplate(
            description: "Integration Registry: \(api.protocolType.rawValue) API \(api.name) (\(api.id.rawValue))",
            metadata: [
                "IntegrationRegistry": .map([
                    "ApiId": .string(api.id.rawValue),
                    "LambdaPermissionScope": .string(scope.scope.rawValue),
                    "LambdaPermissionScopeReason": .string(scope.reason),
                ])
            ],
            resources: resources,
            outputs: [
                "ApiId": .map(["Description": .string("The API's identifier"), "Value": .ref(apiID)]),
                "ApiEndpoint": .map([
                    "Description": .string("The API's default endpoint"), "Value": .getAtt(apiID, "ApiEndpoint"),
                ]),
            ])
    }

    /// A short readable name for an integration's logical ID: its kind of backend. It leaves out
    /// the URI, so that pointing an integration elsewhere keeps its logical ID (no replacement).
    static func readableName(of integration: Integration) -> String {
        switch (integration.integrationType, integration.connectionType) {
        case (_, .vpcLink): "Private"
        case (.awsProxy, _): integration.integrationSubtype == nil ? "Lambda" : "AwsService"
        case (.httpProxy, _): "HttpProxy"
        case (.aws, _): "Aws"
        case (.http, _): "Http"
        case (.mock, _): "Mock"
        }
    }
}
