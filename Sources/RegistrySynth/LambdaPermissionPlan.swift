import RegistryDomain

/// The `AWS::Lambda::Permission`s a template needs so API Gateway may invoke its Lambda functions,
/// and the choice of their scope.
struct LambdaPermissionPlan {
    /// A route-scoped grant: a function and the execute-api ARN suffix of one route.
    struct Grant: Hashable {
        let functionARN: String
        let suffix: String
    }

    /// Route-scoped grants, deduplicated, in route order.
    let routeGrants: [Grant]
    /// The functions the routes invoke, in first-use order.
    let functions: [String]
    /// REQUEST authorizers and the functions they invoke.
    let authorizerFunctions: [(authorizer: Authorizer, functionARN: String)]
    let protocolType: ProtocolType

    init(snapshot: APISnapshot, integrations: [Integration]) {
        protocolType = snapshot.api.protocolType
        let functionOfIntegration: [IntegrationID: String] = Dictionary(
            integrations.compactMap { integration in Self.function(of: integration).map { (integration.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        var grants: [Grant] = []
        var seenGrants = Set<Grant>()
        var functions: [String] = []
        for route in snapshot.routes {
            guard let target = route.target, let function = functionOfIntegration[target] else { continue }
            let suffix: String
            switch snapshot.api.protocolType {
            case .http: suffix = "/*/*" + (route.routeKey.path ?? "")
            case .websocket: suffix = "/*" + route.routeKey.rawValue
            }
            let grant = Grant(functionARN: function, suffix: suffix)
            if seenGrants.insert(grant).inserted { grants.append(grant) }
            if !functions.contains(function) { functions.append(function) }
        }
        routeGrants = grants
        self.functions = functions
        authorizerFunctions = snapshot.authorizers.compactMap { authorizer in
            guard authorizer.authorizerType == .request, let uri = authorizer.authorizerURI,
                case .lambdaInvocation(let function) = IntegrationTarget(uri: uri)
            else { return nil }
            return (authorizer, function)
        }
    }

    /// The Lambda function an integration invokes, if it invokes one.
    static func function(of integration: Integration) -> String? {
        guard integration.integrationType == .awsProxy || integration.integrationType == .aws,
            let uri = integration.integrationURI
        else { return nil }
        switch IntegrationTarget(uri: uri) {
        case .lambdaFunction(let arn), .lambdaInvocation(let arn): return arn
        default: return nil
        }
    }

    /// The function's name from its ARN (`…:function:name[:alias]`).
    static func functionName(_ arn: String) -> String {
        let parts = arn.split(separator: ":")
        guard let index = parts.firstIndex(of: "function"), index + 1 < parts.count else { return "Function" }
        return String(parts[index + 1])
    }

    /// The scope to use and why.
    func scope(
        requested: LambdaPermissionScope?, otherResources: Int
    )
        -> (scope: LambdaPermissionScope, reason: String)
    {
        if let requested { return (requested, "requested") }
        let total = otherResources + routeGrants.count + authorizerFunctions.count
        if total > SynthesisOptions.cloudFormationResourceLimit {
            return (
                .function,
                "route-scoped permissions would make \(total) resources, over CloudFormation's limit of "
                    + "\(SynthesisOptions.cloudFormationResourceLimit)"
            )
        }
        var perFunction: [String: Int] = [:]
        for grant in routeGrants { perFunction[grant.functionARN, default: 0] += 1 }
        if let (function, count) = perFunction.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
            count > SynthesisOptions.routePermissionsPerFunctionLimit
        {
            return (
                .function,
                "\(Self.functionName(function)) would get \(count) route-scoped permissions, over "
                    + "\(SynthesisOptions.routePermissionsPerFunctionLimit) (Lambda's 20 KB policy limit)"
            )
        }
        return (.route, "default: one permission per route, as CDK")
    }

    /// The permission resources by logical ID.
    func resources(
        scope: LambdaPermissionScope, apiID: String, authorizerIDs: [AuthorizerID: String]
    )
        -> [(String, TemplateResource)]
    {
        var result: [(String, TemplateResource)] = []
        switch scope {
        case .route:
            for grant in routeGrants {
                result.append(
                    (
                        LogicalID.make(
                            "Permission", Self.functionName(grant.functionARN),
                            identity: grant.functionARN + " " + grant.suffix),
                        Self.permission(
                            grant.functionARN, sourceArn: Self.executeAPIArn(apiID, [.string(grant.suffix)]))
                    ))
            }
        case .function:
            let suffix = protocolType == .http ? "/*/*/*" : "/*"
            for function in functions {
                result.append(
                    (
                        LogicalID.make("Permission", Self.functionName(function), identity: function + " *"),
                        Self.permission(function, sourceArn: Self.executeAPIArn(apiID, [.string(suffix)]))
                    ))
            }
        }
        for (authorizer, function) in authorizerFunctions {
            guard let authorizerID = authorizerIDs[authorizer.id] else { continue }
            result.append(
                (
                    LogicalID.make("Permission", authorizer.name, identity: "authorizer " + authorizer.id.rawValue),
                    Self.permission(
                        function, sourceArn: Self.executeAPIArn(apiID, [.string("/authorizers/"), .ref(authorizerID)]))
                ))
        }
        return result
    }

    /// `arn:${Partition}:execute-api:${Region}:${AccountId}:${Api}` followed by `suffix`.
    static func executeAPIArn(_ apiID: String, _ suffix: [TemplateValue]) -> TemplateValue {
        .join(
            [
                .string("arn:"), .ref("AWS::Partition"), .string(":execute-api:"), .ref("AWS::Region"), .string(":"),
                .ref("AWS::AccountId"), .string(":"), .ref(apiID),
            ] + suffix)
    }

    static func permission(_ function: String, sourceArn: TemplateValue) -> TemplateResource {
        TemplateResource(
            type: "AWS::Lambda::Permission",
            properties: [
                "Action": .string("lambda:InvokeFunction"),
                "FunctionName": .string(function),
                "Principal": .string("apigateway.amazonaws.com"),
                "SourceArn": sourceArn,
            ])
    }
}
