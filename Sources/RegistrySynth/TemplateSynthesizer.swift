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
    /// - Throws: ``RegistryError/Code/conflict`` when two resources would have the same logical ID
    ///   (two entities whose readable names reduce to the same letters and whose identities hash
    ///   alike): the template would otherwise lose one of them. The message names both.
    public func synthesize(
        _ snapshot: APISnapshot, options: SynthesisOptions = SynthesisOptions()
    ) throws(RegistryError) -> CloudFormationTemplate {
        let api = snapshot.api
        let apiID = LogicalID.make("Api", api.name, identity: api.id.rawValue)
        var resources: [String: TemplateResource] = [apiID: Self.apiResource(api)]
        /// Adds a resource, refusing a logical ID already taken (one hash lookup, as a plain insert).
        func add(
            _ resource: TemplateResource, as logicalID: String, for entity: @autoclosure () -> String
        ) throws(RegistryError) {
            if let earlier = resources.updateValue(resource, forKey: logicalID) {
                throw .conflict(
                    "The template cannot be synthesized: \(entity()) would be the resource \(logicalID), which is "
                        + "already a \(earlier.type) of this API. Rename or re-key one of the two so that their "
                        + "logical IDs differ.")
            }
        }

        let targeted = Set(snapshot.routes.compactMap(\.target))
        let integrations = snapshot.integrations.filter { targeted.contains($0.id) }
        let links = Dictionary(snapshot.vpcLinks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var linkIDs: [VpcLinkID: String] = [:]
        for id in integrations.compactMap(\.connectionID) where linkIDs[id] == nil {
            guard let link = links[id] else { continue }
            let logicalID = LogicalID.make("VpcLink", link.name, identity: link.id.rawValue)
            linkIDs[id] = logicalID
            try add(Self.vpcLinkResource(link), as: logicalID, for: "VPC link \(link.id)")
        }
        var integrationIDs: [IntegrationID: String] = [:]
        for integration in integrations {
            let logicalID = LogicalID.make(
                "Integration", Self.readableName(of: integration), identity: integration.id.rawValue)
            integrationIDs[integration.id] = logicalID
            try add(
                Self.integrationResource(
                    integration, protocolType: api.protocolType, apiID: apiID,
                    connectionID: integration.connectionID.flatMap { linkIDs[$0] }),
                as: logicalID, for: "integration \(integration.id)")
        }
        var authorizerIDs: [AuthorizerID: String] = [:]
        for authorizer in snapshot.authorizers {
            let logicalID = LogicalID.make("Authorizer", authorizer.name, identity: authorizer.id.rawValue)
            authorizerIDs[authorizer.id] = logicalID
            try add(
                Self.authorizerResource(authorizer, apiID: apiID), as: logicalID, for: "authorizer \(authorizer.id)")
        }
        let apiRef = TemplateValue.ref(apiID)
        let targets = integrationIDs.mapValues { TemplateValue.join([.string("integrations/"), .ref($0)]) }
        let authorizerRefs = authorizerIDs.mapValues(TemplateValue.ref)
        // Routes and route responses name models by name, so they depend on them explicitly.
        var modelIDs: [String: String] = [:]
        for model in snapshot.models {
            let logicalID = LogicalID.make("Model", model.name, identity: model.id.rawValue)
            modelIDs[model.name] = logicalID
            try add(Self.modelResource(model, apiRef: .ref(apiID)), as: logicalID, for: "model \(model.id)")
        }
        func modelDependencies(_ names: [String: String]?) -> [String] {
            guard let names else { return [] }
            return Set(names.values.compactMap { modelIDs[$0] }).sorted()
        }
        resources.reserveCapacity(resources.count + snapshot.routes.count + snapshot.stages.count)
        var routeIDs: [RouteID: String] = [:]
        if !snapshot.routeResponses.isEmpty { routeIDs.reserveCapacity(snapshot.routes.count) }
        for route in snapshot.routes {
            let logicalID = LogicalID.make("Route", route.routeKey.rawValue, identity: route.id.rawValue)
            if !snapshot.routeResponses.isEmpty { routeIDs[route.id] = logicalID }
            var resource = Self.routeResource(
                route, apiRef: apiRef, target: route.target.flatMap { targets[$0] },
                authorizerRef: route.authorizerID.flatMap { authorizerRefs[$0] })
            if route.requestModels != nil { resource.dependsOn = modelDependencies(route.requestModels) }
            try add(resource, as: logicalID, for: "route \(route.routeKey.rawValue) (\(route.id))")
        }
        for response in snapshot.routeResponses {
            guard let routeID = routeIDs[response.routeID] else { continue }
            var resource = Self.routeResponseResource(response, apiRef: apiRef, routeID: routeID)
            resource.dependsOn = modelDependencies(response.responseModels)
            try add(
                resource, as: LogicalID.make("RouteResponse", response.key, identity: response.id.rawValue),
                for: "route response \(response.id)")
        }
        // An integration response goes with its integration, which is in the template while a route targets it.
        for response in snapshot.integrationResponses {
            guard let integrationID = integrationIDs[response.integrationID] else { continue }
            try add(
                Self.integrationResponseResource(response, apiRef: apiRef, integrationID: integrationID),
                as: LogicalID.make("IntegrationResponse", response.key, identity: response.id.rawValue),
                for: "integration response \(response.id)")
        }
        var stageIDs: [StageName: String] = [:]
        for stage in snapshot.stages {
            let logicalID = LogicalID.make(
                "Stage", stage.name.rawValue, identity: "\(api.id.rawValue)/\(stage.name.rawValue)")
            stageIDs[stage.name] = logicalID
            try add(Self.stageResource(stage, apiID: apiID), as: logicalID, for: "stage \(stage.name)")
        }
        for mapping in snapshot.apiMappings {
            let logicalID = LogicalID.make(
                "ApiMapping", mapping.domainName.rawValue + mapping.key, identity: mapping.id.rawValue)
            try add(
                Self.apiMappingResource(mapping, apiRef: apiRef, stageID: stageIDs[mapping.stage]),
                as: logicalID, for: "API mapping \(mapping.id)")
        }

        let permissions = LambdaPermissionPlan(snapshot: snapshot, integrations: integrations)
        let scope = permissions.scope(
            requested: options.permissionScope, otherResources: resources.count)
        for (logicalID, resource) in permissions.resources(
            scope: scope.scope, apiID: apiID, authorizerIDs: authorizerIDs)
        {
            try add(resource, as: logicalID, for: "the Lambda permission \(logicalID)")
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
