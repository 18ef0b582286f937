import Foundation

/// Evaluates a template's intrinsic functions (`Ref`, `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`,
/// `Fn::Select`, `Fn::Split`, `Fn::If`, `Fn::FindInMap`, `Fn::Base64`, conditions) as far as they
/// can be before anything is deployed: pseudo parameters from the import's query, parameters from
/// their defaults, and references to the resources the import makes as references (their ids are
/// drawn when the import is applied). Anything else — another stack's export, an attribute only a
/// deployment knows, a resource the registry does not hold — cannot be resolved.
struct TemplateResolver {
    /// A text value: literal pieces and references to resources the import makes, in order.
    enum TextPart: Equatable {
        /// Literal text.
        case literal(String)
        /// The id of the resource with this logical ID, once made.
        case reference(String)
    }

    /// A value with its functions evaluated.
    indirect enum Value: Equatable {
        /// Text (a string), possibly naming resources the import makes.
        case text([TextPart])
        /// A number, as written.
        case number(String)
        /// `true` or `false`.
        case boolean(Bool)
        /// A list.
        case list([Value])
        /// An object, in the template's order.
        case object([(key: String, value: Value)])
        /// `null`.
        case null

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.text(let a), .text(let b)): a == b
            case (.number(let a), .number(let b)): a == b
            case (.boolean(let a), .boolean(let b)): a == b
            case (.list(let a), .list(let b)): a == b
            case (.object(let a), .object(let b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            case (.null, .null): true
            default: false
            }
        }

        /// The logical ID of the resource a value that is exactly one reference names.
        var reference: String? {
            guard case .text(let parts) = self, parts.count == 1, case .reference(let name) = parts[0] else {
                return nil
            }
            return name
        }

        /// Literal text: a string without references, a number or a boolean as its text.
        var literal: String? {
            switch self {
            case .text(let parts):
                var text = ""
                for part in parts {
                    guard case .literal(let piece) = part else { return nil }
                    text += piece
                }
                return text
            case .number(let text): return text
            case .boolean(let flag): return flag ? "true" : "false"
            default: return nil
            }
        }
    }

    /// Why a value cannot be resolved, in words for a warning.
    struct Unresolvable: Error {
        /// What could not be resolved and why.
        let reason: String
    }

    /// The template's resources: type and the value of the resource's whole declaration.
    let resources: [String: (type: String, declaration: CloudFormationValue)]
    /// The logical IDs of resources the import makes (they resolve to references).
    var importable: Set<String>
    /// The template's parameters' declarations.
    let parameters: [String: CloudFormationValue]
    /// The template's `Mappings`.
    let mappings: CloudFormationValue?
    /// The template's `Conditions`.
    let conditions: [String: CloudFormationValue]
    /// The region `AWS::Region` names, if given.
    let region: String?
    /// The account `AWS::AccountId` names, if given.
    let accountID: String?

    /// The attribute of each resource type that is its id (what `Ref` gives, too).
    static let idAttributes: [String: String] = [
        "AWS::ApiGatewayV2::Api": "ApiId", "AWS::ApiGatewayV2::VpcLink": "VpcLinkId",
        "AWS::ApiGatewayV2::Integration": "IntegrationId", "AWS::ApiGatewayV2::Authorizer": "AuthorizerId",
        "AWS::ApiGatewayV2::Route": "RouteId", "AWS::ApiGatewayV2::Model": "ModelId",
        "AWS::ApiGatewayV2::Deployment": "DeploymentId", "AWS::ApiGatewayV2::ApiMapping": "ApiMappingId",
        "AWS::ApiGatewayV2::RouteResponse": "RouteResponseId",
        "AWS::ApiGatewayV2::IntegrationResponse": "IntegrationResponseId",
    ]

    /// `value` with its functions evaluated; `nil` for `AWS::NoValue` (the member is left out).
    /// - Throws: ``Unresolvable`` for what cannot be resolved before a deployment.
    func resolve(_ value: CloudFormationValue) throws(Unresolvable) -> Value? {
        if let (name, argument) = value.function { return try call(name, argument) }
        switch value {
        case .string(let text): return .text([.literal(text)])
        case .number(let text): return .number(text)
        case .boolean(let flag): return .boolean(flag)
        case .null: return .null
        case .list(let items):
            var resolved: [Value] = []
            for item in items { if let value = try resolve(item) { resolved.append(value) } }
            return .list(resolved)
        case .object(let members):
            var resolved: [(key: String, value: Value)] = []
            for member in members { if let value = try resolve(member.value) { resolved.append((member.key, value)) } }
            return .object(resolved)
        }
    }

    private func call(_ name: String, _ argument: CloudFormationValue) throws(Unresolvable) -> Value? {
        switch name {
        case "Ref": return try reference(try literal(argument, in: "Ref"))
        case "Fn::GetAtt": return try attribute(argument)
        case "Fn::Join": return try join(argument)
        case "Fn::Sub": return try substitute(argument)
        case "Fn::Select":
            guard case .list(let items) = argument, items.count == 2, let index = Int(try literal(items[0], in: name)),
                case .list(let list)? = try resolve(items[1]), list.indices.contains(index)
            else { throw Unresolvable(reason: "Fn::Select needs an index within its list") }
            return list[index]
        case "Fn::Split":
            guard case .list(let items) = argument, items.count == 2 else {
                throw Unresolvable(reason: "Fn::Split needs a delimiter and a string")
            }
            let delimiter = try literal(items[0], in: name)
            let source = try literal(items[1], in: name)
            guard !delimiter.isEmpty else { throw Unresolvable(reason: "Fn::Split needs a delimiter") }
            return .list(source.components(separatedBy: delimiter).map { .text([.literal($0)]) })
        case "Fn::If":
            guard case .list(let items) = argument, items.count == 3 else {
                throw Unresolvable(reason: "Fn::If needs a condition and two values")
            }
            return try resolve(try condition(named: try literal(items[0], in: name)) ? items[1] : items[2])
        case "Fn::FindInMap":
            guard case .list(let items) = argument, items.count >= 3 else {
                throw Unresolvable(reason: "Fn::FindInMap needs a map, a key and a second key")
            }
            var found = mappings
            for item in items.prefix(3) { found = found?[try literal(item, in: name)] }
            guard let found else { throw Unresolvable(reason: "Fn::FindInMap finds nothing in Mappings") }
            return try resolve(found)
        case "Fn::Base64":
            return .text([.literal(Data(try literal(argument, in: name).utf8).base64EncodedString())])
        default:
            throw Unresolvable(reason: "\(name) cannot be resolved to a literal before the template is deployed")
        }
    }

    /// `Ref name`: a pseudo parameter, a parameter's default, or a resource the import makes.
    private func reference(_ name: String) throws(Unresolvable) -> Value? {
        switch name {
        case "AWS::NoValue": return nil
        case "AWS::Region":
            guard let region else { throw Unresolvable(reason: "Ref AWS::Region needs the import's region") }
            return .text([.literal(region)])
        case "AWS::AccountId":
            guard let accountID else {
                throw Unresolvable(reason: "Ref AWS::AccountId needs the import's accountId")
            }
            return .text([.literal(accountID)])
        case "AWS::Partition": return .text([.literal(Self.partition(of: region))])
        case "AWS::URLSuffix":
            return .text([.literal(Self.partition(of: region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com")])
        default: break
        }
        if let parameter = parameters[name] {
            guard let value = parameter["Default"], let text = try resolve(value)?.literal else {
                throw Unresolvable(reason: "Ref \(name) names a parameter without a default")
            }
            let type = parameter["Type"]?.text ?? "String"
            if type.hasPrefix("List<") || type == "CommaDelimitedList" {
                return .list(
                    text.split(separator: ",").map { .text([.literal($0.trimmingCharacters(in: .whitespaces))]) })
            }
            return .text([.literal(text)])
        }
        guard let resource = resources[name] else {
            if name.hasPrefix("AWS::") {
                throw Unresolvable(reason: "Ref \(name) is known only once the template is deployed")
            }
            throw Unresolvable(reason: "Ref \(name) names nothing in the template")
        }
        if resource.type == "AWS::Lambda::Function" {
            return .text([.literal(try functionName(name, resource.declaration))])
        }
        guard importable.contains(name) else {
            throw Unresolvable(reason: "Ref \(name) names \(resource.type) \(name), which is not imported")
        }
        // A stage and a custom domain name are known by their names, which the template gives.
        switch resource.type {
        case "AWS::ApiGatewayV2::Stage": return try nameProperty("StageName", of: name, resource.declaration)
        case "AWS::ApiGatewayV2::DomainName": return try nameProperty("DomainName", of: name, resource.declaration)
        default: return .text([.reference(name)])
        }
    }

    private func nameProperty(
        _ property: String, of name: String, _ declaration: CloudFormationValue
    ) throws(Unresolvable) -> Value {
        guard let value = declaration["Properties"]?[property], let resolved = try resolve(value),
            resolved.literal != nil
        else { throw Unresolvable(reason: "Ref \(name) needs its \(property) as a literal") }
        return resolved
    }

    /// `Fn::GetAtt [name, attribute]`: a resource's id attribute is a reference to it.
    private func attribute(_ argument: CloudFormationValue) throws(Unresolvable) -> Value {
        guard case .list(let items) = argument, items.count == 2 else {
            throw Unresolvable(reason: "Fn::GetAtt needs a logical ID and an attribute")
        }
        let name = try literal(items[0], in: "Fn::GetAtt")
        let attribute = try literal(items[1], in: "Fn::GetAtt")
        guard let resource = resources[name] else {
            throw Unresolvable(reason: "Fn::GetAtt \(name).\(attribute) names nothing in the template")
        }
        if resource.type == "AWS::Lambda::Function", attribute == "Arn" {
            // A function with a name given has an ARN known before it is deployed.
            let functionName = try functionName(name, resource.declaration)
            guard let region, let accountID else {
                throw Unresolvable(reason: "Fn::GetAtt \(name).Arn needs the import's region and accountId")
            }
            return .text([
                .literal("arn:\(Self.partition(of: region)):lambda:\(region):\(accountID):function:\(functionName)")
            ])
        }
        guard importable.contains(name), Self.idAttributes[resource.type] == attribute else {
            throw Unresolvable(
                reason: "Fn::GetAtt \(name).\(attribute) (\(resource.type)) is known only once it is deployed")
        }
        return .text([.reference(name)])
    }

    /// The `FunctionName` a Lambda function's declaration gives.
    private func functionName(_ name: String, _ declaration: CloudFormationValue) throws(Unresolvable) -> String {
        guard let value = declaration["Properties"]?["FunctionName"], let text = try resolve(value)?.literal else {
            throw Unresolvable(
                reason: "the Lambda function \(name) has no FunctionName, so its name and ARN are known only once "
                    + "it is deployed")
        }
        return text
    }

    /// `Fn::Join [delimiter, list]`.
    private func join(_ argument: CloudFormationValue) throws(Unresolvable) -> Value {
        guard case .list(let items) = argument, items.count == 2 else {
            throw Unresolvable(reason: "Fn::Join needs a delimiter and a list")
        }
        let delimiter = try literal(items[0], in: "Fn::Join")
        guard case .list(let list)? = try resolve(items[1]) else {
            throw Unresolvable(reason: "Fn::Join needs a list")
        }
        var parts: [TextPart] = []
        for (index, item) in list.enumerated() {
            if index > 0, !delimiter.isEmpty { parts.append(.literal(delimiter)) }
            parts += try Self.textParts(of: item, in: "Fn::Join")
        }
        return .text(Self.merged(parts))
    }

    /// `Fn::Sub text` or `Fn::Sub [text, variables]`: `${Name}` is `Ref Name`, `${Name.Attribute}`
    /// `Fn::GetAtt`, `${!Literal}` the text `${Literal}`.
    private func substitute(_ argument: CloudFormationValue) throws(Unresolvable) -> Value {
        var template: String
        var variables: [CloudFormationValue.Member] = []
        switch argument {
        case .string(let text): template = text
        case .list(let items) where items.count == 2:
            template = try literal(items[0], in: "Fn::Sub")
            variables = items[1].members ?? []
        default: throw Unresolvable(reason: "Fn::Sub needs a string, or a string and variables")
        }
        var parts: [TextPart] = []
        while let start = template.range(of: "${") {
            parts.append(.literal(String(template[..<start.lowerBound])))
            guard let end = template[start.upperBound...].firstIndex(of: "}") else {
                parts.append(.literal(String(template[start.lowerBound...])))
                template = ""
                break
            }
            let name = String(template[start.upperBound..<end])
            template = String(template[template.index(after: end)...])
            if name.hasPrefix("!") {
                parts.append(.literal("${" + name.dropFirst() + "}"))
            } else if let variable = variables.first(where: { $0.key == name }) {
                guard let value = try resolve(variable.value) else { continue }
                parts += try Self.textParts(of: value, in: "Fn::Sub")
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                let value = try attribute(
                    .list([.string(String(name[..<dot])), .string(String(name[name.index(after: dot)...]))]))
                parts += try Self.textParts(of: value, in: "Fn::Sub")
            } else if let value = try reference(name) {
                parts += try Self.textParts(of: value, in: "Fn::Sub")
            }
        }
        parts.append(.literal(template))
        return .text(Self.merged(parts))
    }

    /// Whether the template's condition `name` holds.
    /// - Throws: ``Unresolvable`` for a condition that names nothing or cannot be evaluated.
    func condition(named name: String) throws(Unresolvable) -> Bool {
        guard let declaration = conditions[name] else {
            throw Unresolvable(reason: "the condition \(name) is not in the template's Conditions")
        }
        return try evaluate(declaration)
    }

    private func evaluate(_ value: CloudFormationValue) throws(Unresolvable) -> Bool {
        guard let (name, argument) = value.function else {
            if case .boolean(let flag) = value { return flag }
            throw Unresolvable(reason: "a condition must be a condition function")
        }
        guard case .list(let items) = argument else {
            if name == "Condition" { return try condition(named: try literal(argument, in: name)) }
            throw Unresolvable(reason: "\(name) needs a list")
        }
        switch name {
        case "Fn::Equals":
            guard items.count == 2 else { throw Unresolvable(reason: "Fn::Equals needs two values") }
            return try resolve(items[0]) == resolve(items[1])
        case "Fn::And":
            for item in items where !(try evaluate(item)) { return false }
            return true
        case "Fn::Or":
            for item in items where try evaluate(item) { return true }
            return false
        case "Fn::Not":
            guard items.count == 1 else { throw Unresolvable(reason: "Fn::Not needs one condition") }
            return !(try evaluate(items[0]))
        default: throw Unresolvable(reason: "\(name) is not a condition function")
        }
    }

    /// The literal text of `value`, an argument of `function`.
    private func literal(_ value: CloudFormationValue, in function: String) throws(Unresolvable) -> String {
        guard let text = try resolve(value)?.literal else {
            throw Unresolvable(reason: "\(function) needs a literal where the template has \(Self.describe(value))")
        }
        return text
    }

    /// The parts of a text value, for joining.
    private static func textParts(of value: Value, in function: String) throws(Unresolvable) -> [TextPart] {
        switch value {
        case .text(let parts): return parts
        case .number(let text): return [.literal(text)]
        case .boolean(let flag): return [.literal(flag ? "true" : "false")]
        default: throw Unresolvable(reason: "\(function) can join only strings")
        }
    }

    /// Adjacent literal pieces merged, empty ones left out.
    private static func merged(_ parts: [TextPart]) -> [TextPart] {
        var merged: [TextPart] = []
        for part in parts {
            if case .literal(let text) = part {
                if text.isEmpty { continue }
                if case .literal(let previous)? = merged.last {
                    merged[merged.count - 1] = .literal(previous + text)
                    continue
                }
            }
            merged.append(part)
        }
        return merged
    }

    /// The partition of a region (`aws` when none is given).
    static func partition(of region: String?) -> String {
        guard let region else { return "aws" }
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// A short description of a value as written, for warnings.
    static func describe(_ value: CloudFormationValue) -> String {
        if let (name, argument) = value.function {
            if case .list(let items) = argument { return "\(name) \(items.compactMap(\.text).joined(separator: "."))" }
            return "\(name) \(argument.text ?? "…")"
        }
        return value.text.map { "'\($0.prefix(60))'" } ?? "a list or object"
    }
}
