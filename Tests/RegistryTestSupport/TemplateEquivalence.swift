public import Foundation
public import RegistrySynth

/// Compares two CloudFormation templates for one API by meaning, not by spelling.
///
/// Logical IDs are replaced by labels made from content (an API by its name, a route by its key,
/// a stage by its name, an integration by its resolved properties), pseudo parameters resolve to
/// one fixed environment, `Fn::Join` of plain strings folds to the string, AWS default values and
/// empty lists or maps equal absent properties, and Lambda permissions compare as a set (duplicates
/// do not matter). Outputs and Metadata are not compared.
public enum TemplateEquivalence {
    /// The environment CDK's reference templates were made for.
    static let pseudoParameters = [
        "AWS::Partition": "aws", "AWS::Region": "us-east-1", "AWS::AccountId": "123456789012",
        "AWS::URLSuffix": "amazonaws.com",
    ]

    /// Property values that mean the same as leaving the property out.
    static let defaults: [String: [TemplateValue]] = [
        "AutoDeploy": [.boolean(false)], "ConnectionType": [.string("INTERNET")],
        "TimeoutInMillis": [.integer(30000), .integer(29000)], "AuthorizationType": [.string("NONE")],
        "ApiKeyRequired": [.boolean(false)], "DisableExecuteApiEndpoint": [.boolean(false)],
        "ApiMappingKey": [.string("")], "EndpointType": [.string("REGIONAL")], "SecurityPolicy": [.string("TLS_1_2")],
        "RoutingMode": [.string("API_MAPPING_ONLY")], "IpAddressType": [.string("ipv4")],
        "IntegrationUri": [.string("")], "PassthroughBehavior": [.string("WHEN_NO_MATCH")],
    ]

    /// The differences between the `AWS::ApiGatewayV2::DomainName` named `name` in `expected` and
    /// in `actual`; empty when they mean the same (AWS's defaults equal absent properties).
    public static func domainDifferences(expected: TemplateValue, actual: TemplateValue, name: String) -> [String] {
        let found = [expected, actual].map { template in
            domainNameResources(in: template).filter { $0.properties["DomainName"] == .string(name) }
        }
        guard found[0].count == 1, found[1].count == 1 else {
            return ["DomainName \(name): \(found[0].count) expected and \(found[1].count) actual resources"]
        }
        let (left, right) = (normalized(found[0][0].properties, [:]), normalized(found[1][0].properties, [:]))
        return left == right ? [] : ["differs DomainName:\(name):\n  expected \(left.json)\n  actual   \(right.json)"]
    }

    /// What a template would create of domain names and API mappings: `DomainName:<name>` and
    /// `ApiMapping:<domain>/<key>`, once per resource (a `Ref` to a domain resolved to its name).
    public static func domainCreations(in template: TemplateValue) -> [String] {
        let domains = domainNameResources(in: template)
        let names = Dictionary(uniqueKeysWithValues: domains.map { ($0.logicalID, $0.properties["DomainName"]) })
        var created = domains.map { "DomainName:" + ($0.properties["DomainName"]?.json ?? "?") }
        for (_, type, properties) in resources(in: template) where type == "AWS::ApiGatewayV2::ApiMapping" {
            var domain = properties["DomainName"]
            if case .map(let members)? = domain, case .string(let ref)? = members["Ref"], let name = names[ref] {
                domain = name
            }
            let key = properties["ApiMappingKey"] ?? .string("")
            created.append("ApiMapping:" + (domain?.json ?? "?") + "/" + key.json)
        }
        return created
    }

    private static func resources(
        in template: TemplateValue
    ) -> [(logicalID: String, type: String, properties: [String: TemplateValue])] {
        guard case .map(let root) = template, case .map(let values)? = root["Resources"] else { return [] }
        return values.compactMap { logicalID, value in
            guard case .map(let members) = value, case .string(let type)? = members["Type"] else { return nil }
            if case .map(let properties)? = members["Properties"] { return (logicalID, type, properties) }
            return (logicalID, type, [:])
        }
    }

    private static func domainNameResources(
        in template: TemplateValue
    ) -> [(logicalID: String, type: String, properties: [String: TemplateValue])] {
        resources(in: template).filter { $0.type == "AWS::ApiGatewayV2::DomainName" }
    }

    /// Parses a template's JSON text.
    public static func parse(_ data: Data) throws -> TemplateValue {
        try TemplateValue(parsingJSON: data)
    }

    /// The differences between the part of `expected` and of `actual` that describes the API
    /// named `apiName`; empty when they mean the same.
    public static func differences(expected: TemplateValue, actual: TemplateValue, apiName: String) -> [String] {
        let (left, leftProblems) = canonical(expected, apiName: apiName)
        let (right, rightProblems) = canonical(actual, apiName: apiName)
        var differences = leftProblems.map { "expected: \($0)" } + rightProblems.map { "actual: \($0)" }
        for label in Set(left.keys).union(right.keys).sorted() {
            switch (left[label], right[label]) {
            case (let expected?, nil): differences.append("missing \(label): \(expected.json)")
            case (nil, let actual?): differences.append("unexpected \(label): \(actual.json)")
            case (let expected?, let actual?) where expected != actual:
                differences.append("differs \(label):\n  expected \(expected.json)\n  actual   \(actual.json)")
            default: break
            }
        }
        return differences
    }

    /// The API's resources keyed by content labels, and any structural problems found.
    static func canonical(_ template: TemplateValue, apiName: String) -> ([String: TemplateValue], [String]) {
        guard case .map(let root) = template, case .map(let resourceValues)? = root["Resources"] else {
            return ([:], ["no Resources"])
        }
        var resources: [String: (type: String, properties: [String: TemplateValue])] = [:]
        for (logicalID, value) in resourceValues {
            guard case .map(let members) = value, case .string(let type)? = members["Type"] else { continue }
            if case .map(let properties)? = members["Properties"] {
                resources[logicalID] = (type, properties)
            } else {
                resources[logicalID] = (type, [:])
            }
        }
        let apis = resources.filter {
            $0.value.type == "AWS::ApiGatewayV2::Api" && $0.value.properties["Name"] == .string(apiName)
        }
        guard apis.count == 1, let apiID = apis.keys.first else {
            return ([:], ["\(apis.count) AWS::ApiGatewayV2::Api named \(apiName)"])
        }
        var labels: [String: String] = [apiID: "Api:\(apiName)"]
        // A domain name is referred to by its name, whether a mapping spells it or `Ref`s the resource.
        var domainNames: [String: String] = [:]
        for (logicalID, resource) in resources where resource.type == "AWS::ApiGatewayV2::DomainName" {
            if case .string(let name)? = resource.properties["DomainName"] { domainNames[logicalID] = name }
        }
        let belongsToAPI: (String) -> Bool = { resources[$0]?.properties["ApiId"] == .ref(apiID) }
        for (logicalID, resource) in resources {
            let name = resource.properties
            switch resource.type {
            case "AWS::ApiGatewayV2::VpcLink": labels[logicalID] = "VpcLink:\(name["Name"].map(\.json) ?? "?")"
            case "AWS::ApiGatewayV2::Authorizer" where belongsToAPI(logicalID):
                labels[logicalID] = "Authorizer:\(name["Name"].map(\.json) ?? "?")"
            case "AWS::ApiGatewayV2::Route" where belongsToAPI(logicalID):
                labels[logicalID] = "Route:\(name["RouteKey"].map(\.json) ?? "?")"
            case "AWS::ApiGatewayV2::Stage" where belongsToAPI(logicalID):
                labels[logicalID] = "Stage:\(name["StageName"].map(\.json) ?? "?")"
            case "AWS::ApiGatewayV2::Model" where belongsToAPI(logicalID):
                labels[logicalID] = "Model:\(name["Name"].map(\.json) ?? "?")"
            case "AWS::ApiGatewayV2::ApiMapping" where belongsToAPI(logicalID):
                let domain = normalized(name, domainNames)
                guard case .map(let members) = domain else { break }
                let key = members["ApiMappingKey"]?.json ?? "\"\""
                labels[logicalID] = "ApiMapping:\(members["DomainName"]?.json ?? "?")/\(key)"
            default: break
            }
        }
        // Integrations are labelled by their content, which may refer to VPC links (labelled above).
        for (logicalID, resource) in resources
        where resource.type == "AWS::ApiGatewayV2::Integration" && belongsToAPI(logicalID) {
            labels[logicalID] = "Integration:" + normalized(resource.properties, labels).json
        }
        // Route and integration responses are labelled by what they answer for, and their key.
        for (logicalID, resource) in resources where belongsToAPI(logicalID) {
            let owner: String?
            switch resource.type {
            case "AWS::ApiGatewayV2::RouteResponse": owner = "RouteId"
            case "AWS::ApiGatewayV2::IntegrationResponse": owner = "IntegrationId"
            default: owner = nil
            }
            guard let owner, case .map(let members) = normalized(resource.properties, labels) else { continue }
            let key = members[owner == "RouteId" ? "RouteResponseKey" : "IntegrationResponseKey"]?.json ?? "?"
            labels[logicalID] =
                "\(resource.type.dropFirst("AWS::ApiGatewayV2::".count)):\(members[owner]?.json ?? "?"):\(key)"
        }
        var result: [String: TemplateValue] = [:]
        var usedLinks = Set<String>()
        let resolvable = labels.merging(domainNames) { label, _ in label }
        for (logicalID, label) in labels where !label.hasPrefix("VpcLink:") {
            let resource = resources[logicalID]!
            let properties = normalized(resource.properties, resolvable)
            if case .map(let members) = properties, case .string(let link)? = members["ConnectionId"],
                link.hasPrefix("VpcLink:")
            {
                usedLinks.insert(link)
            }
            result[unique(label, in: result)] = .map(["Type": .string(resource.type), "Properties": properties])
        }
        for (logicalID, label) in labels where usedLinks.contains(label) {
            let resource = resources[logicalID]!
            result[unique(label, in: result)] = .map([
                "Type": .string(resource.type), "Properties": normalized(resource.properties, labels),
            ])
        }
        for (_, resource) in resources where resource.type == "AWS::Lambda::Permission" {
            let properties = normalized(resource.properties, labels)
            guard case .map(let members) = properties, let source = members["SourceArn"]?.json,
                source.contains("Api:\(apiName)")
            else { continue }
            result["Permission:" + properties.json] = .map(["Type": .string(resource.type), "Properties": properties])
        }
        return (result, [])
    }

    private static func unique(_ label: String, in result: [String: TemplateValue]) -> String {
        var candidate = label
        var number = 2
        while result[candidate] != nil {
            candidate = "\(label)#\(number)"
            number += 1
        }
        return candidate
    }

    /// Properties with references resolved and defaults and empty values removed.
    static func normalized(_ properties: [String: TemplateValue], _ labels: [String: String]) -> TemplateValue {
        var result: [String: TemplateValue] = [:]
        for (key, value) in properties {
            let resolved = resolve(value, labels)
            if resolved == .list([]) || resolved == .map([:]) { continue }
            if defaults[key]?.contains(resolved) == true { continue }
            result[key] = resolved
        }
        return .map(result)
    }

    /// Resolves `Ref`, `Fn::GetAtt` and foldable `Fn::Join` against `labels` and the fixed environment.
    static func resolve(_ value: TemplateValue, _ labels: [String: String]) -> TemplateValue {
        switch value {
        case .map(let members) where members.count == 1:
            let (function, argument) = members.first!
            switch (function, argument) {
            case ("Ref", .string(let name)):
                return .string(pseudoParameters[name] ?? labels[name] ?? "?\(name)")
            case ("Fn::GetAtt", .list(let parts)) where parts.count == 2:
                if case .string(let name) = parts[0], case .string(let attribute) = parts[1] {
                    return .string((labels[name] ?? "?\(name)") + "." + attribute)
                }
            case ("Fn::Join", .list(let arguments)) where arguments.count == 2:
                if case .string(let separator) = arguments[0], case .list(let parts) = arguments[1] {
                    let resolved = parts.map { resolve($0, labels) }
                    let strings = resolved.compactMap { part -> String? in
                        if case .string(let text) = part { return text }
                        return nil
                    }
                    if strings.count == resolved.count { return .string(strings.joined(separator: separator)) }
                    return .map(["Fn::Join": .list([.string(separator), .list(resolved)])])
                }
            default: break
            }
            return .map([function: resolve(argument, labels)])
        case .map(let members): return .map(members.mapValues { resolve($0, labels) })
        case .list(let items): return .list(items.map { resolve($0, labels) })
        default: return value
        }
    }
}
