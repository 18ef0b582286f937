import Foundation
import RegistryDomain

/// Builds a ``TemplateImportPlan`` resource by resource, in the order references need (what a
/// resource names is read before it), keeping the warnings.
struct TemplateImportBuilder {
    /// The resource types the registry imports, in the order they are read.
    static let order = [
        "AWS::ApiGatewayV2::VpcLink", "AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::Api",
        "AWS::ApiGatewayV2::Model", "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::Integration",
        "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::IntegrationResponse", "AWS::ApiGatewayV2::RouteResponse",
        "AWS::ApiGatewayV2::Deployment", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::ApiMapping",
    ]

    /// How a property's value becomes the wire member of the create operation.
    enum Shape {
        /// Object keys become the wire's (first letter lower-case), at every depth.
        case members
        /// A map whose keys are data (tags, variables, parameters): kept as written.
        case keys
        /// A map whose keys are data and whose values are objects of members (route settings by
        /// route key, request parameters' constraints).
        case keyedMembers
        /// A JSON object the wire takes as text (a model's schema).
        case jsonText
        /// An integration's response parameters: `{status: {ResponseParameters: [{Destination,
        /// Source}]}}` on CloudFormation, `{status: {destination: source}}` on the wire.
        case responseParameters
    }

    /// The properties each type imports as values, and their shapes; references (`ApiId`,
    /// `Target`, …) are read by the type's own step.
    static let properties: [String: [String: Shape]] = [
        "AWS::ApiGatewayV2::VpcLink": [
            "Name": .members, "SubnetIds": .members, "SecurityGroupIds": .members, "Tags": .keys,
        ],
        "AWS::ApiGatewayV2::DomainName": [
            "DomainName": .members, "DomainNameConfigurations": .members, "MutualTlsAuthentication": .members,
            "RoutingMode": .members, "Tags": .keys,
        ],
        "AWS::ApiGatewayV2::Api": [
            "Name": .members, "ProtocolType": .members, "Description": .members, "Version": .members,
            "RouteSelectionExpression": .members, "ApiKeySelectionExpression": .members,
            "CorsConfiguration": .members, "DisableExecuteApiEndpoint": .members, "DisableSchemaValidation": .members,
            "IpAddressType": .members, "Tags": .keys, "Target": .members, "RouteKey": .members,
            "CredentialsArn": .members,
        ],
        "AWS::ApiGatewayV2::Model": [
            "Name": .members, "Schema": .jsonText, "ContentType": .members, "Description": .members,
        ],
        "AWS::ApiGatewayV2::Authorizer": [
            "AuthorizerType": .members, "Name": .members, "IdentitySource": .members, "JwtConfiguration": .members,
            "AuthorizerUri": .members, "AuthorizerCredentialsArn": .members,
            "AuthorizerPayloadFormatVersion": .members, "AuthorizerResultTtlInSeconds": .members,
            "EnableSimpleResponses": .members, "IdentityValidationExpression": .members,
        ],
        "AWS::ApiGatewayV2::Integration": [
            "IntegrationType": .members, "IntegrationUri": .members, "IntegrationMethod": .members,
            "IntegrationSubtype": .members, "ConnectionType": .members, "PayloadFormatVersion": .members,
            "TimeoutInMillis": .members, "Description": .members, "CredentialsArn": .members,
            "RequestParameters": .keys, "RequestTemplates": .keys, "ResponseParameters": .responseParameters,
            "TemplateSelectionExpression": .members, "PassthroughBehavior": .members,
            "ContentHandlingStrategy": .members, "TlsConfig": .members,
        ],
        "AWS::ApiGatewayV2::Route": [
            "RouteKey": .members, "AuthorizationType": .members, "AuthorizationScopes": .members,
            "ApiKeyRequired": .members, "OperationName": .members, "ModelSelectionExpression": .members,
            "RouteResponseSelectionExpression": .members, "RequestModels": .keys, "RequestParameters": .keyedMembers,
        ],
        "AWS::ApiGatewayV2::IntegrationResponse": [
            "IntegrationResponseKey": .members, "ContentHandlingStrategy": .members, "ResponseParameters": .keys,
            "ResponseTemplates": .keys, "TemplateSelectionExpression": .members,
        ],
        "AWS::ApiGatewayV2::RouteResponse": [
            "RouteResponseKey": .members, "ModelSelectionExpression": .members, "ResponseModels": .keys,
            "ResponseParameters": .keyedMembers,
        ],
        "AWS::ApiGatewayV2::Deployment": ["Description": .members, "StageName": .members],
        "AWS::ApiGatewayV2::Stage": [
            "StageName": .members, "AutoDeploy": .members, "Description": .members, "StageVariables": .keys,
            "DefaultRouteSettings": .members, "RouteSettings": .keyedMembers, "AccessLogSettings": .members,
            "ClientCertificateId": .members, "Tags": .keys,
        ],
        "AWS::ApiGatewayV2::ApiMapping": ["Stage": .members, "ApiMappingKey": .members],
    ]

    /// The properties each type reads as references to other resources.
    static let references: [String: Set<String>] = [
        "AWS::ApiGatewayV2::Api": ["Body", "BodyS3Location", "BasePath", "FailOnWarnings"],
        "AWS::ApiGatewayV2::Model": ["ApiId"], "AWS::ApiGatewayV2::Authorizer": ["ApiId"],
        "AWS::ApiGatewayV2::Integration": ["ApiId", "ConnectionId"],
        "AWS::ApiGatewayV2::Route": ["ApiId", "Target", "AuthorizerId"],
        "AWS::ApiGatewayV2::IntegrationResponse": ["ApiId", "IntegrationId"],
        "AWS::ApiGatewayV2::RouteResponse": ["ApiId", "RouteId"], "AWS::ApiGatewayV2::Deployment": ["ApiId"],
        "AWS::ApiGatewayV2::Stage": ["ApiId", "DeploymentId"],
        "AWS::ApiGatewayV2::ApiMapping": ["ApiId", "DomainName"],
    ]

    /// What does not resolve, and the resources it keeps out.
    typealias Unresolvable = TemplateResolver.Unresolvable

    var resolver: TemplateResolver
    /// The plan so far.
    var plan = TemplateImportPlan()
    /// The warnings so far, in the order found.
    var warnings: [String] {
        get { plan.warnings }
        set { plan.warnings = newValue }
    }
    /// Each imported API's place in ``plan``'s `apis`, by logical ID.
    private var apiIndexes: [String: Int] = [:]
    /// The API (logical ID) of each imported child, by the child's logical ID.
    private var parents: [String: String] = [:]
    /// Each imported authorizer's name, by logical ID (routes name authorizers by name).
    private var authorizerNames: [String: String] = [:]

    init(resolver: TemplateResolver) {
        self.resolver = resolver
    }

    /// Reads every resource of `resources` into the plan.
    /// - Throws: ``RegistryError/Code/badRequest`` for a value of the wrong type.
    mutating func build(_ resources: [CloudFormationValue.Member]) throws(RegistryError) {
        for type in Self.order {
            for resource in resources where resource.value["Type"]?.text == type {
                try read(resource.key, type: type, resource.value)
            }
        }
        for resource in resources {
            guard let type = resource.value["Type"]?.text, !Self.order.contains(type),
                !CloudFormationImporter.silentTypes.contains(type)
            else { continue }
            warnings.append(
                "/Resources/\(resource.key): \(type) is not a resource the registry holds; it is not imported.")
        }
    }

    /// Reads one resource, or leaves it out with a warning (and so every resource naming it).
    private mutating func read(
        _ logicalID: String, type: String, _ declaration: CloudFormationValue
    ) throws(RegistryError) {
        let pointer = "/Resources/" + logicalID
        do throws(ResourceFailure) {
            if let condition = declaration["Condition"]?.text {
                let holds: Bool
                do {
                    holds = try resolver.condition(named: condition)
                } catch {
                    throw .unresolvable(Unresolvable(reason: "Condition: \(error.reason)"))
                }
                guard holds else {
                    resolver.importable.remove(logicalID)
                    return
                }
            }
            let properties = declaration["Properties"] ?? .object([])
            for member in properties.members ?? []
            where Self.properties[type]?[member.key] == nil && Self.references[type]?.contains(member.key) != true {
                warnings.append("\(pointer)/Properties/\(member.key): the registry does not keep it; it is ignored.")
            }
            try readResource(logicalID, type: type, pointer: pointer, properties)
        } catch {
            switch error {
            case .error(let refusal): throw refusal
            case .unresolvable(let unresolvable):
                resolver.importable.remove(logicalID)
                warnings.append("\(pointer): \(unresolvable.reason); \(type) \(logicalID) is not imported.")
            }
        }
    }

    /// The steps of each type: their errors of kind ``RegistryError`` propagate, their
    /// ``Unresolvable``s leave the resource out.
    private mutating func readResource(
        _ logicalID: String, type: String, pointer: String, _ properties: CloudFormationValue
    ) throws(ResourceFailure) {
        func input<Input: Decodable>(_: Input.Type) throws(ResourceFailure) -> Input {
            try decode(Input.self, type: type, pointer: pointer, properties)
        }
        switch type {
        case "AWS::ApiGatewayV2::VpcLink":
            plan.vpcLinks.append(
                ImportedResource(key: logicalID, pointer: pointer, input: try input(VpcLinkInput.self)))
        case "AWS::ApiGatewayV2::DomainName":
            plan.domainNames.append(
                ImportedResource(key: logicalID, pointer: pointer, input: try input(DomainNameInput.self)))
        case "AWS::ApiGatewayV2::Api":
            try readAPI(logicalID, pointer: pointer, properties, input: try input(APIInput.self))
        case "AWS::ApiGatewayV2::Model":
            let api = try apiIndex(of: properties)
            plan.apis[api].models.append(
                ImportedResource(key: logicalID, pointer: pointer, input: try input(ModelInput.self)))
            parents[logicalID] = plan.apis[api].key
        case "AWS::ApiGatewayV2::Authorizer":
            let api = try apiIndex(of: properties)
            let authorizer = try input(AuthorizerInput.self)
            plan.apis[api].plan.authorizers.append(ImportedAuthorizer(pointer: pointer, input: authorizer))
            authorizerNames[logicalID] = authorizer.name ?? logicalID
            parents[logicalID] = plan.apis[api].key
        case "AWS::ApiGatewayV2::Integration":
            let api = try apiIndex(of: properties)
            var integration = try input(IntegrationInput.self)
            var vpcLinkKey: String?
            if let connection = try resolved(properties, "ConnectionId") {
                if let key = connection.reference {
                    vpcLinkKey = key
                } else {
                    integration.connectionId = try literal(connection, "ConnectionId")
                }
            }
            plan.apis[api].plan.integrations.append(
                ImportedIntegration(key: logicalID, pointer: pointer, input: integration, vpcLinkKey: vpcLinkKey))
            parents[logicalID] = plan.apis[api].key
        case "AWS::ApiGatewayV2::Route":
            try readRoute(logicalID, pointer: pointer, properties, input: try input(RouteInput.self))
        case "AWS::ApiGatewayV2::IntegrationResponse":
            let api = try apiIndex(of: properties)
            let parent = try child(properties, "IntegrationId", of: plan.apis[api].key)
            plan.apis[api].integrationResponses.append(
                ImportedResponse(
                    key: logicalID, pointer: pointer, parentKey: parent, input: try input(IntegrationResponseInput.self)
                ))
        case "AWS::ApiGatewayV2::RouteResponse":
            let api = try apiIndex(of: properties)
            let parent = try child(properties, "RouteId", of: plan.apis[api].key)
            plan.apis[api].routeResponses.append(
                ImportedResponse(
                    key: logicalID, pointer: pointer, parentKey: parent, input: try input(RouteResponseInput.self)))
        case "AWS::ApiGatewayV2::Deployment":
            let api = try apiIndex(of: properties)
            plan.apis[api].deployments.append(
                ImportedResource(key: logicalID, pointer: pointer, input: try input(DeploymentInput.self)))
            parents[logicalID] = plan.apis[api].key
        case "AWS::ApiGatewayV2::Stage":
            let api = try apiIndex(of: properties)
            var stage = try input(StageInput.self)
            var deploymentKey: String?
            if let deployment = try resolved(properties, "DeploymentId") {
                if let key = deployment.reference {
                    deploymentKey = try child(key, "DeploymentId", of: plan.apis[api].key)
                } else {
                    stage.deploymentId = try literal(deployment, "DeploymentId")
                }
            }
            plan.apis[api].stages.append(
                ImportedStage(key: logicalID, pointer: pointer, input: stage, deploymentKey: deploymentKey))
        case "AWS::ApiGatewayV2::ApiMapping":
            let api = try apiIndex(of: properties)
            let domainName = try resolved(properties, "DomainName").map { value throws(ResourceFailure) in
                try literal(value, "DomainName")
            }
            plan.apiMappings.append(
                ImportedAPIMapping(
                    key: logicalID, pointer: pointer, apiKey: plan.apis[api].key, domainName: domainName,
                    input: try input(APIMappingInput.self)))
        default: break
        }
    }

    private mutating func readAPI(
        _ logicalID: String, pointer: String, _ properties: CloudFormationValue, input: APIInput
    ) throws(ResourceFailure) {
        var api = ImportedAPI(key: logicalID, pointer: pointer, plan: APIImportPlan(api: input))
        if properties["BodyS3Location"] != nil {
            throw .unresolvable(
                Unresolvable(reason: "BodyS3Location is read from S3 only when deployed; give the definition in Body"))
        }
        if let body = try resolved(properties, "Body") {
            var definition = try Self.json(body, shape: .members, at: pointer + "/Properties/Body", keepKeys: true)
            if let text = definition as? String {
                definition = text
            } else {
                guard let data = try? JSONSerialization.data(withJSONObject: definition, options: [.sortedKeys]) else {
                    throw .error(CloudFormationImporter.error(pointer + "/Properties/Body", "must be an object."))
                }
                definition = String(decoding: data, as: UTF8.self)
            }
            let basePath = try resolved(properties, "BasePath").map { value throws(ResourceFailure) in
                try literal(value, "BasePath")
            }
            let failOnWarnings = try resolved(properties, "FailOnWarnings").map { value throws(ResourceFailure) in
                try literal(value, "FailOnWarnings")
            }
            let body: APIImportPlan
            do {
                let mode = try BasePathMode(query: basePath)
                body = try OpenAPIImporter().plan(definition as? String ?? "", basePath: mode)
            } catch {
                throw .error(
                    RegistryError(
                        error.code,
                        error.message.replacingOccurrences(
                            of: "Errors found during import: ",
                            with: "Errors found during import: \(pointer)/Properties/Body")))
            }
            let bodyWarnings = body.warnings.map { "\(pointer)/Properties/Body: \($0)" }
            if failOnWarnings == "true", !bodyWarnings.isEmpty {
                throw .error(
                    .badRequest("Warnings found during import:\n\t" + bodyWarnings.joined(separator: "\n\t")))
            }
            warnings += bodyWarnings
            // The template's own properties win over the definition's, as CloudFormation applies them.
            var merged = body.api
            merged.name = input.name ?? merged.name
            merged.description = input.description ?? merged.description
            merged.version = input.version ?? merged.version
            merged.corsConfiguration = input.corsConfiguration ?? merged.corsConfiguration
            merged.tags = (merged.tags ?? [:]).merging(input.tags ?? [:]) { _, template in template }
            if merged.tags?.isEmpty == true { merged.tags = nil }
            merged.protocolType = .http
            merged.disableExecuteApiEndpoint = input.disableExecuteApiEndpoint
            merged.ipAddressType = input.ipAddressType
            api.plan = body
            api.plan.api = merged
            api.plan.warnings = []
            // Routes of the definition are keyed by their place in it, apart from the template's.
            for index in api.plan.routes.indices {
                api.plan.routes[index].key = pointer + "/Properties/Body" + api.plan.routes[index].pointer
                api.plan.routes[index].pointer = pointer + "/Properties/Body" + api.plan.routes[index].pointer
            }
        }
        apiIndexes[logicalID] = plan.apis.count
        plan.apis.append(api)
    }

    private mutating func readRoute(
        _ logicalID: String, pointer: String, _ properties: CloudFormationValue, input: RouteInput
    ) throws(ResourceFailure) {
        let api = try apiIndex(of: properties)
        let apiKey = plan.apis[api].key
        var integrationKey: String?
        if let target = try resolved(properties, "Target") {
            guard case .text(let parts) = target, parts.count == 2, parts[0] == .literal("integrations/"),
                case .reference(let key) = parts[1]
            else {
                throw .unresolvable(
                    Unresolvable(
                        reason: "Target must be integrations/ joined with the Ref of an integration of the template"))
            }
            integrationKey = try child(key, "Target", of: apiKey)
        }
        var authorizerName: String?
        if let authorizer = try resolved(properties, "AuthorizerId") {
            guard let key = authorizer.reference, let name = authorizerNames[key] else {
                throw .unresolvable(
                    Unresolvable(reason: "AuthorizerId must be the Ref of an authorizer of the template"))
            }
            _ = try child(key, "AuthorizerId", of: apiKey)
            authorizerName = name
        }
        plan.apis[api].plan.routes.append(
            ImportedRoute(
                pointer: pointer, input: input, integrationKey: integrationKey, authorizerName: authorizerName,
                key: logicalID))
        parents[logicalID] = apiKey
    }

    /// The place in ``plan``'s `apis` of the API the `ApiId` property names.
    private func apiIndex(of properties: CloudFormationValue) throws(ResourceFailure) -> Int {
        guard let value = try resolved(properties, "ApiId") else {
            throw .unresolvable(Unresolvable(reason: "it names no ApiId"))
        }
        guard let key = value.reference, let index = apiIndexes[key] else {
            let named = value.literal.map { "API \($0)" } ?? "an API"
            throw .unresolvable(
                Unresolvable(
                    reason: "ApiId names \(named) that is not an AWS::ApiGatewayV2::Api of the template (only the "
                        + "template's APIs are imported)"))
        }
        return index
    }

    /// The logical ID of the child of `apiKey` that `property` references.
    private func child(
        _ properties: CloudFormationValue, _ property: String, of apiKey: String
    ) throws(ResourceFailure)
        -> String
    {
        guard let key = try resolved(properties, property)?.reference else {
            throw .unresolvable(Unresolvable(reason: "\(property) must be the Ref of a resource of the template"))
        }
        return try child(key, property, of: apiKey)
    }

    private func child(_ key: String, _ property: String, of apiKey: String) throws(ResourceFailure) -> String {
        guard parents[key] == apiKey else {
            throw .unresolvable(
                Unresolvable(reason: "\(property) names \(key), which is not imported as a part of the same API"))
        }
        return key
    }

    /// The resolved value of `property`, `nil` when absent or `AWS::NoValue`.
    private func resolved(
        _ properties: CloudFormationValue, _ property: String
    ) throws(ResourceFailure)
        -> TemplateResolver.Value?
    {
        guard let value = properties[property] else { return nil }
        do {
            return try resolver.resolve(value)
        } catch {
            throw .unresolvable(Unresolvable(reason: "\(property): \(error.reason)"))
        }
    }

    private func literal(_ value: TemplateResolver.Value, _ property: String) throws(ResourceFailure) -> String {
        guard let text = value.literal else {
            throw .unresolvable(Unresolvable(reason: "\(property) must resolve to a literal"))
        }
        return text
    }

    /// The create operation's input from the type's value properties, through their wire form.
    private func decode<Input: Decodable>(
        _: Input.Type, type: String, pointer: String, _ properties: CloudFormationValue
    ) throws(ResourceFailure) -> Input {
        var wire: [String: Any] = [:]
        for member in properties.members ?? [] {
            guard let shape = Self.properties[type]?[member.key] else { continue }
            let place = "\(pointer)/Properties/\(member.key)"
            let value: TemplateResolver.Value?
            do {
                value = try resolver.resolve(member.value)
            } catch {
                throw .unresolvable(Unresolvable(reason: "\(member.key): \(error.reason)"))
            }
            guard let value else { continue }
            // CDK writes a mock integration's URI as "", which CloudFormation passes on as none.
            if member.key == "IntegrationUri", value.literal == "" { continue }
            wire[Self.wireName(member.key)] = try Self.json(value, shape: shape, at: place, keepKeys: false)
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: wire)
            return try JSONDecoder().decode(Input.self, from: data)
        } catch let error as DecodingError {
            throw .error(Self.refusal(error, at: pointer))
        } catch {
            throw .error(CloudFormationImporter.error(pointer, "its properties cannot be read."))
        }
    }

    /// The refusal for a property the wire form does not take, naming it.
    private static func refusal(_ error: DecodingError, at pointer: String) -> RegistryError {
        let path: [any CodingKey]
        let reason: String
        switch error {
        case .typeMismatch(let type, let context):
            (path, reason) = (context.codingPath, "must be of type \(Self.typeName(type)).")
        case .valueNotFound(let type, let context):
            (path, reason) = (context.codingPath, "must be of type \(Self.typeName(type)).")
        case .dataCorrupted(let context): (path, reason) = (context.codingPath, "has a value it cannot take.")
        case .keyNotFound(let key, let context): (path, reason) = (context.codingPath + [key], "is required.")
        @unknown default: (path, reason) = ([], "cannot be read.")
        }
        var place = pointer + "/Properties"
        for (index, key) in path.enumerated() {
            if let number = key.intValue {
                place += "/\(number)"
            } else {
                place +=
                    "/"
                    + (index == 0
                        ? key.stringValue.prefix(1).uppercased() + key.stringValue.dropFirst() : key.stringValue)
            }
        }
        return CloudFormationImporter.error(place, reason)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "String"
        case is Bool.Type: "Boolean"
        case is Int.Type, is Double.Type: "Number"
        default: "\(type)".hasPrefix("Array") ? "List" : "\(type)".hasPrefix("Dictionary") ? "Object" : "\(type)"
        }
    }

    /// A property's wire name: its first letter lower-case.
    static func wireName(_ name: String) -> String { name.prefix(1).lowercased() + name.dropFirst() }

    /// The JSON value (for `JSONSerialization`) of a resolved value in `shape`.
    /// - Throws: ``ResourceFailure/unresolvable(_:)`` for text that names a resource the import
    ///   makes (only reference properties may), ``ResourceFailure/error(_:)`` for a value the shape
    ///   cannot take.
    static func json(
        _ value: TemplateResolver.Value, shape: Shape, at place: String, keepKeys: Bool
    ) throws(ResourceFailure) -> Any {
        switch value {
        case .text(let parts):
            guard let text = value.literal else {
                let names = parts.compactMap { part -> String? in
                    if case .reference(let name) = part { return name }
                    return nil
                }
                throw .unresolvable(
                    Unresolvable(
                        reason:
                            "\(place.split(separator: "/").last ?? "") names the id of \(names.joined(separator: ", ")), "
                            + "which is drawn only when the import is applied"))
            }
            return text
        case .number(let text):
            if let number = Int(text) { return number }
            if let number = Double(text) { return number }
            return text
        case .boolean(let flag): return flag
        case .null: return NSNull()
        case .list(let items):
            var list: [Any] = []
            for item in items { list.append(try json(item, shape: shape, at: place, keepKeys: keepKeys)) }
            return list
        case .object(let members):
            switch shape {
            case .jsonText:
                let object = try json(value, shape: .members, at: place, keepKeys: true)
                guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
                    throw .error(CloudFormationImporter.error(place, "must be a JSON object."))
                }
                return String(decoding: data, as: UTF8.self)
            case .responseParameters:
                var byStatus: [String: Any] = [:]
                for member in members {
                    guard case .object(let mappings) = member.value,
                        case .list(let items)? = mappings.first(where: { $0.key == "ResponseParameters" })?.value
                    else {
                        throw .error(
                            CloudFormationImporter.error(
                                place + "/" + member.key, "must be an object with a ResponseParameters list."))
                    }
                    var parameters: [String: String] = [:]
                    for item in items {
                        guard case .object(let pair) = item,
                            let destination = pair.first(where: { $0.key == "Destination" })?.value.literal,
                            let source = pair.first(where: { $0.key == "Source" })?.value.literal
                        else {
                            throw .error(
                                CloudFormationImporter.error(
                                    place + "/" + member.key,
                                    "each response parameter needs a Destination and a Source."))
                        }
                        parameters[destination] = source
                    }
                    byStatus[member.key] = parameters
                }
                return byStatus
            case .members, .keys, .keyedMembers:
                var object: [String: Any] = [:]
                for member in members {
                    let key = shape == .members && !keepKeys ? wireName(member.key) : member.key
                    let inner: Shape = shape == .keys ? .keys : .members
                    object[key] = try json(
                        member.value, shape: inner, at: place + "/" + member.key, keepKeys: keepKeys || shape == .keys)
                }
                return object
            }
        }
    }
}

/// Why one resource cannot be read: a value that cannot be resolved (the resource is left out with
/// a warning) or one the registry refuses (the import is refused).
enum ResourceFailure: Error {
    /// The resource is left out, with this reason in its warning.
    case unresolvable(TemplateResolver.Unresolvable)
    /// The import is refused.
    case error(RegistryError)
}
