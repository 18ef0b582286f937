/// How a custom domain name sends requests to APIs.
public enum RoutingMode: String, Sendable, Codable, CaseIterable {
    /// Through its API mappings only (AWS's default, and what CloudFormation deploys without the member).
    case apiMappingOnly = "API_MAPPING_ONLY"
    /// Through routing rules only (REST APIs; a catalog keeps the setting).
    case routingRuleOnly = "ROUTING_RULE_ONLY"
    /// Through routing rules, then API mappings.
    case routingRuleThenAPIMapping = "ROUTING_RULE_THEN_API_MAPPING"
}
