import RegistryDomain

/// How the pages name what an integration (or a Lambda authorizer) reaches: its kind, its full
/// text, a short form for the diagram, and the text the reverse lookup takes.
struct BackendLabel: Hashable {
    /// `Lambda function`, `URL`, `ALB listener`, `NLB listener`, `Cloud Map service`,
    /// `AWS service`, or `Mock`.
    let kind: String
    /// The function ARN, URL, ARN or subtype.
    let text: String
    /// A few words for a diagram node: a function's name, a URL's host and path, a listener's
    /// load balancer.
    let short: String
    /// What `/backends?target=` takes to list everything reaching it, if anything does.
    let lookup: String?

    /// The backend of `integration`.
    init(_ integration: Integration) {
        guard let uri = integration.integrationURI else {
            let subtype = integration.integrationSubtype
            self.init(
                kind: subtype == nil ? "Mock" : "AWS service", text: subtype ?? integration.integrationType.rawValue,
                short: subtype ?? integration.integrationType.rawValue, lookup: nil)
            return
        }
        self.init(uri: uri)
    }

    /// The backend an integration or authorizer URI names.
    init(uri: String) {
        switch IntegrationTarget(uri: uri) {
        case .lambdaFunction(let function), .lambdaInvocation(let function):
            // The resource is `function:name[:qualifier]`.
            let name = AmazonResourceName(function).map { String($0.resource.dropFirst("function:".count)) } ?? function
            self.init(kind: "Lambda function", text: function, short: name, lookup: function)
        case .url:
            let rest = uri.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            let short = rest.count == 3 ? rest[2] : Substring(uri)
            self.init(kind: "URL", text: uri, short: String(short), lookup: uri)
        case .applicationLoadBalancerListener:
            self.init(kind: "ALB listener", text: uri, short: Self.listenerName(uri), lookup: uri)
        case .networkLoadBalancerListener:
            self.init(kind: "NLB listener", text: uri, short: Self.listenerName(uri), lookup: uri)
        case .cloudMapService:
            self.init(
                kind: "Cloud Map service", text: uri, short: String(uri.split(separator: "/").last ?? ""), lookup: uri)
        case .awsServiceAction, nil:
            self.init(
                kind: "AWS service", text: uri, short: String(uri.split(separator: ":").last ?? Substring(uri)),
                lookup: uri)
        }
    }

    private init(kind: String, text: String, short: String, lookup: String?) {
        self.kind = kind
        self.text = text
        self.short = short
        self.lookup = lookup
    }

    /// `listener/app/<name>/<lb id>/<listener id>` → `<name>`.
    private static func listenerName(_ arn: String) -> String {
        let parts = arn.split(separator: "/")
        return parts.count >= 3 ? String(parts[2]) : arn
    }
}
