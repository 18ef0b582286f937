/// What a reverse lookup asks about: a backend (a Lambda function, a URL, a load balancer listener,
/// a Cloud Map service, any integration URI) or a VPC link, given as a reader would paste it.
public struct BackendTarget: Hashable, Sendable {
    /// The longest target accepted, in characters (an integration URI's limit).
    public static let maximumLength = 2048

    /// What the target names.
    public enum Kind: Hashable, Sendable {
        /// A VPC link, by id: the private integrations through it.
        case vpcLink(VpcLinkID)
        /// A Lambda function by its ARN, with or without a version or alias; given as the ARN or as
        /// API Gateway's invocation URI of it. Without a qualifier, every qualifier is reached too.
        case lambdaFunction(functionARN: String)
        /// Any other integration URI (a URL, a listener or service ARN, an AWS service action),
        /// matched exactly.
        case uri(String)
    }

    /// The target as given, without surrounding blanks.
    public let text: String
    /// What it names.
    public let kind: Kind

    /// Reads a target.
    /// - Throws: ``RegistryError/Code/badRequest`` when it is empty or longer than 2048 characters.
    public init(_ text: String) throws(RegistryError) {
        let trimmed = String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else {
            throw .badRequest(
                "A target is required: a Lambda function ARN, a URL, a listener or service ARN, or a VPC link id.")
        }
        guard trimmed.count <= Self.maximumLength else {
            throw .badRequest("A target is at most \(Self.maximumLength) characters, got \(trimmed.count).")
        }
        self.text = trimmed
        switch IntegrationTarget(uri: trimmed) {
        case .lambdaFunction(let function), .lambdaInvocation(let function):
            kind = .lambdaFunction(functionARN: function)
        default:
            if trimmed.count == VpcLinkID.generatedLength, let link = VpcLinkID(validating: trimmed) {
                kind = .vpcLink(link)
            } else {
                kind = .uri(trimmed)
            }
        }
    }

    /// The text an index search for candidates uses: every integration reaching the target holds
    /// it, word for word.
    public var searchText: String {
        switch kind {
        case .vpcLink(let id): id.rawValue
        case .lambdaFunction(let function): Self.unqualified(function)
        case .uri(let uri): uri
        }
    }

    /// Whether `integration` reaches the target.
    public func isReached(by integration: Integration) -> Bool {
        switch kind {
        case .vpcLink(let id):
            return integration.connectionID == id
        case .lambdaFunction(let function):
            return integration.integrationURI.map { reachesFunction(function, uri: $0) } ?? false
        case .uri(let uri):
            return integration.integrationURI == uri
        }
    }

    /// Whether `authorizer` (a Lambda authorizer) calls the target's function.
    public func isReached(by authorizer: Authorizer) -> Bool {
        guard case .lambdaFunction(let function) = kind, let uri = authorizer.authorizerURI else { return false }
        return reachesFunction(function, uri: uri)
    }

    private func reachesFunction(_ function: String, uri: String) -> Bool {
        switch IntegrationTarget(uri: uri) {
        case .lambdaFunction(let called), .lambdaInvocation(let called):
            // An unqualified target is reached through any version or alias of its function.
            return called == function
                || (Self.unqualified(function) == function && Self.unqualified(called) == function)
        default:
            return false
        }
    }

    /// A function ARN without its version or alias (`arn:aws:lambda:r:a:function:name`).
    static func unqualified(_ functionARN: String) -> String {
        let parts = functionARN.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 7 ? parts.prefix(7).joined(separator: ":") : functionARN
    }
}
