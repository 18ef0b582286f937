/// What an integration URI points at, classified from its text.
public enum IntegrationTarget: Hashable, Sendable {
    /// A Lambda function ARN (`arn:aws:lambda:…:function:name`).
    case lambdaFunction(functionARN: String)
    /// API Gateway's Lambda invocation URI (`arn:aws:apigateway:…:lambda:path/2015-03-31/functions/…/invocations`).
    case lambdaInvocation(functionARN: String)
    /// Another AWS service action URI (`arn:aws:apigateway:…`), for WebSocket AWS integrations.
    case awsServiceAction
    /// An absolute `http` or `https` URL.
    case url
    /// An Application Load Balancer listener ARN.
    case applicationLoadBalancerListener
    /// A Network Load Balancer listener ARN.
    case networkLoadBalancerListener
    /// A Cloud Map service ARN.
    case cloudMapService

    /// Classifies an integration URI; `nil` when it is none of the kinds API Gateway accepts.
    public init?(uri: String) {
        if uri.hasPrefix("http://") || uri.hasPrefix("https://") {
            let rest = uri.drop(while: { $0 != ":" }).dropFirst(3)
            let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            guard !host.isEmpty, !host.hasPrefix(":"),
                uri.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
            else { return nil }
            self = .url
            return
        }
        guard let arn = AmazonResourceName(uri), arn.hasRegion else { return nil }
        switch arn.service {
        case "lambda":
            guard Self.isFunctionResource(arn) else { return nil }
            self = .lambdaFunction(functionARN: uri)
        case "apigateway":
            let prefix = "path/2015-03-31/functions/"
            if arn.account == "lambda" {
                guard arn.resource.hasPrefix(prefix), arn.resource.hasSuffix("/invocations") else { return nil }
                let function = String(arn.resource.dropFirst(prefix.count).dropLast("/invocations".count))
                guard let functionARN = AmazonResourceName(function), functionARN.service == "lambda",
                    Self.isFunctionResource(functionARN)
                else { return nil }
                self = .lambdaInvocation(functionARN: function)
            } else {
                self = .awsServiceAction
            }
        case "elasticloadbalancing":
            guard arn.hasAccount else { return nil }
            if arn.resource.hasPrefix("listener/app/"), arn.resource.split(separator: "/").count == 5 {
                self = .applicationLoadBalancerListener
            } else if arn.resource.hasPrefix("listener/net/"), arn.resource.split(separator: "/").count == 5 {
                self = .networkLoadBalancerListener
            } else {
                return nil
            }
        case "servicediscovery":
            guard arn.hasAccount, arn.resource.hasPrefix("service/srv-"), arn.resource.count > "service/srv-".count
            else { return nil }
            self = .cloudMapService
        default:
            return nil
        }
    }

    private static func isFunctionResource(_ arn: AmazonResourceName) -> Bool {
        guard arn.hasAccount, arn.resource.hasPrefix("function:") else { return false }
        let parts = arn.resource.split(separator: ":", omittingEmptySubsequences: false)
        return (parts.count == 2 || parts.count == 3) && parts.dropFirst().allSatisfy { !$0.isEmpty }
    }

    /// Whether a private (VPC link) integration may point here.
    public var isPrivateResource: Bool {
        switch self {
        case .applicationLoadBalancerListener, .networkLoadBalancerListener, .cloudMapService: true
        default: false
        }
    }
}
