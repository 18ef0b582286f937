import Foundation
public import RegistryDomain
import Yams

/// Reads a CloudFormation template (JSON or YAML, short-form tags included; CDK's
/// `cdk.out/*.template.json` as it is) into a ``TemplateImportPlan``: the VPC links, APIs with
/// their models, authorizers, integrations, routes, route and integration responses, deployments
/// and stages, custom domain names and API mappings it declares. A pure function of the text and
/// the pseudo parameters given.
///
/// References among those resources (`Ref`, `Fn::GetAtt` of an id, `Fn::Join`/`Fn::Sub` into a
/// route's `integrations/…` target) become references in the plan; other values must resolve to
/// literals (see ``TemplateResolver``). What it finds falls in three kinds: Lambda permissions (the
/// registry derives them) and CDK's metadata resource are passed over silently; any other resource
/// type, a resource whose values cannot be resolved, or one that depends on a resource not
/// imported, is a warning naming its logical ID (and is not imported); a template that is not one,
/// or a value of the wrong type, is a ``RegistryError/Code/badRequest`` naming its place
/// (`/Resources/<logical ID>/Properties/<name>`).
public struct CloudFormationImporter: Sendable {
    /// Resource types passed over without a warning: the registry derives Lambda permissions from
    /// its integrations and authorizers, and CDK's metadata resource is CDK's own bookkeeping.
    static let silentTypes: Set<String> = ["AWS::Lambda::Permission", "AWS::CDK::Metadata"]

    /// Creates an importer.
    public init() {}

    /// The plan for `text`, with `AWS::Region` and `AWS::AccountId` as given (`AWS::Partition` and
    /// `AWS::URLSuffix` follow the region).
    /// - Throws: ``RegistryError/Code/badRequest`` ("Errors found during import: <pointer>: …") for
    ///   text that is not a JSON or YAML object (or is past ``YAMLDocument``'s limits), a template
    ///   without `Resources`, and a property of
    ///   the wrong type; what ``OpenAPIImporter`` throws for an API's `Body`.
    public func plan(_ text: String, region: String?, accountID: String?) throws(RegistryError) -> TemplateImportPlan {
        let parsed = try YAMLDocument.compose(text, what: "template")
        guard let parsed, parsed.mapping != nil else {
            throw Self.error("/", "the template must be a JSON or YAML object.")
        }
        let template = CloudFormationValue(parsed)
        guard let resources = template["Resources"]?.members, !resources.isEmpty else {
            throw Self.error("/Resources", "a template declares its resources in a non-empty Resources object.")
        }
        var declared: [String: (type: String, declaration: CloudFormationValue)] = [:]
        for resource in resources {
            guard let type = resource.value["Type"]?.text else {
                throw Self.error("/Resources/\(resource.key)/Type", "every resource needs a Type.")
            }
            declared[resource.key] = (type, resource.value)
        }
        let resolver = TemplateResolver(
            resources: declared,
            importable: Set(declared.filter { TemplateImportBuilder.order.contains($0.value.type) }.keys),
            parameters: Dictionary(
                (template["Parameters"]?.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
            mappings: template["Mappings"],
            conditions: Dictionary(
                (template["Conditions"]?.members ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
            region: region, accountID: accountID)
        var builder = TemplateImportBuilder(resolver: resolver)
        if let transform = template["Transform"] {
            builder.warnings.append(
                "/Transform: the template's transform (\(TemplateResolver.describe(transform))) is not expanded; "
                    + "what it would add is not imported.")
        }
        try builder.build(resources)
        return builder.plan
    }

    /// A refusal naming its place in the template.
    static func error(_ pointer: String, _ message: String) -> RegistryError {
        .badRequest("Errors found during import: \(pointer): \(message)")
    }
}
