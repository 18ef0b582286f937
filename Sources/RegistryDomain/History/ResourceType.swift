/// The kind of resource a change names, as CloudFormation names its `AWS::ApiGatewayV2::*` type.
public enum ResourceType: String, Hashable, Sendable, CaseIterable {
    /// An API.
    case api = "Api"
    /// A route.
    case route = "Route"
    /// An integration.
    case integration = "Integration"
    /// A stage.
    case stage = "Stage"
    /// A deployment.
    case deployment = "Deployment"
    /// An authorizer.
    case authorizer = "Authorizer"
    /// A model.
    case model = "Model"
    /// A route response.
    case routeResponse = "RouteResponse"
    /// An integration response.
    case integrationResponse = "IntegrationResponse"
    /// A VPC link.
    case vpcLink = "VpcLink"
    /// A custom domain name.
    case domainName = "DomainName"
    /// An API mapping.
    case apiMapping = "ApiMapping"
}
