extension Integration {
    /// The integration methods API Gateway accepts.
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"]

    /// The default backend timeout for an API of `protocolType` (30 s for HTTP, 29 s for WebSocket).
    public static func defaultTimeout(for protocolType: ProtocolType) -> Int {
        protocolType == .http ? 30_000 : 29_000
    }

    /// Applies the members given in `input` to this integration. An update (`merging`) merges the
    /// parameter mappings as AWS's UpdateIntegration does: a request parameter given as `""` is
    /// removed, a status code given no response parameters loses them, the rest are set; a create
    /// takes the maps as given.
    /// - Throws: ``RegistryError/Code/notFound`` for a connection id that cannot name a VPC link.
    mutating func apply(_ input: IntegrationInput, merging: Bool = false) throws(RegistryError) {
        if let type = input.integrationType { integrationType = type }
        if let uri = input.integrationUri { integrationURI = uri }
        if let method = input.integrationMethod { integrationMethod = method }
        if let subtype = input.integrationSubtype { integrationSubtype = subtype }
        if let type = input.connectionType {
            connectionType = type
            if type == .internet, input.connectionId == nil { connectionID = nil }
        }
        if let text = input.connectionId {
            guard let id = VpcLinkID(validating: text) else {
                throw .notFound("Invalid VPC link identifier specified: '\(text.prefix(100))'.")
            }
            connectionID = id
        }
        if let version = input.payloadFormatVersion { payloadFormatVersion = version }
        if let timeout = input.timeoutInMillis { timeoutInMillis = timeout }
        if let description = input.description { self.description = description }
        if let arn = input.credentialsArn { credentialsArn = arn }
        if let parameters = input.requestParameters {
            requestParameters = merging ? Self.merged(requestParameters, with: parameters) : parameters
        }
        if let templates = input.requestTemplates { requestTemplates = templates }
        if let parameters = input.responseParameters {
            if merging {
                var merged = responseParameters ?? [:]
                for (status, mappings) in parameters { merged[status] = mappings.isEmpty ? nil : mappings }
                responseParameters = merged.isEmpty ? nil : merged
            } else {
                responseParameters = parameters
            }
        }
        if let expression = input.templateSelectionExpression { templateSelectionExpression = expression }
        if let behavior = input.passthroughBehavior { passthroughBehavior = behavior }
        if let strategy = input.contentHandlingStrategy { contentHandlingStrategy = strategy }
        if let tls = input.tlsConfig { tlsConfig = tls }
    }

    /// `current` with `changes` applied: an empty value removes its key; `nil` when nothing is left.
    private static func merged(_ current: [String: String]?, with changes: [String: String]) -> [String: String]? {
        var merged = current ?? [:]
        for (key, value) in changes { merged[key] = value.isEmpty ? nil : value }
        return merged.isEmpty ? nil : merged
    }

    /// Fills in the defaults AWS applies: `payloadFormatVersion` 1.0 where only 1.0 is allowed,
    /// `integrationMethod` POST for Lambda proxies, `passthroughBehavior` WHEN_NO_MATCH for a
    /// WebSocket API's non-proxy integrations.
    mutating func applyDefaults(for protocolType: ProtocolType) {
        if payloadFormatVersion == nil, protocolType == .websocket || integrationType != .awsProxy {
            payloadFormatVersion = "1.0"
        }
        if payloadFormatVersion == nil, integrationSubtype != nil { payloadFormatVersion = "1.0" }
        if integrationMethod == nil, integrationType == .awsProxy, integrationSubtype == nil {
            integrationMethod = "POST"
        }
        // AWS answers WHEN_NO_MATCH for a WebSocket API's non-proxy integration that names none.
        if passthroughBehavior == nil, protocolType == .websocket,
            integrationType == .aws || integrationType == .http || integrationType == .mock
        {
            passthroughBehavior = .whenNoMatch
        }
    }

    /// The integration response selection expression AWS reports for a non-proxy integration
    /// (which only WebSocket APIs have): the backend's status code, or for `AWS` integrations the
    /// error message in the body; `nil` for proxies.
    public var integrationResponseSelectionExpression: String? {
        switch integrationType {
        case .mock, .http: "${integration.response.statuscode}"
        case .aws: "${integration.response.body.errorMessage}"
        case .awsProxy, .httpProxy: nil
        }
    }

    /// Checks every rule on this integration against its API and the registry's current content.
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule (type, payload
    ///   format, method, URI kind, connection, timeout, TLS), ``RegistryError/Code/notFound`` when
    ///   the VPC link does not exist.
    func checkRules(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        try FieldRules.check(description, member: "description", length: 0...1024)
        try FieldRules.check(integrationURI, member: "integrationUri", length: 1...2048)
        try FieldRules.check(integrationSubtype, member: "integrationSubtype", length: 1...128)
        try FieldRules.check(expression: templateSelectionExpression, member: "templateSelectionExpression")
        try FieldRules.check(map: requestParameters, member: "requestParameters", valueLength: 1...512)
        for (status, parameters) in (responseParameters ?? [:]).sorted(by: { $0.key < $1.key }) {
            try FieldRules.check(status, member: "responseParameters key", length: 1...512)
            try FieldRules.check(
                map: parameters, member: "responseParameters['\(status.prefix(64))']", valueLength: 1...512)
        }
        try FieldRules.check(map: requestTemplates, member: "requestTemplates")
        if let method = integrationMethod, !Self.methods.contains(method) {
            throw .badRequest(
                "Invalid integrationMethod '\(method.prefix(64))': use one of "
                    + "\(Self.methods.sorted().joined(separator: ", ")).")
        }
        let maximumTimeout = Self.defaultTimeout(for: api.protocolType)
        try FieldRules.check(timeoutInMillis, member: "timeoutInMillis", within: 50...maximumTimeout)
        switch api.protocolType {
        case .http: try checkHTTPAPIRules()
        case .websocket: try checkWebSocketAPIRules()
        }
        try checkConnection(in: api, using: registry)
    }

    private func checkHTTPAPIRules() throws(RegistryError) {
        guard integrationType == .awsProxy || integrationType == .httpProxy else {
            // AWS's wording.
            throw .badRequest(
                "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations "
                    + "(AWS_PROXY, HTTP_PROXY); got \(integrationType.rawValue).")
        }
        guard requestTemplates == nil, templateSelectionExpression == nil, passthroughBehavior == nil,
            contentHandlingStrategy == nil
        else {
            throw .badRequest(
                "requestTemplates, templateSelectionExpression, passthroughBehavior and contentHandlingStrategy "
                    + "are supported only for WebSocket APIs.")
        }
        if integrationType == .awsProxy {
            if let subtype = integrationSubtype {
                guard integrationURI == nil else {
                    throw .badRequest("An AWS service integration (\(subtype)) takes no integrationUri.")
                }
                guard payloadFormatVersion == "1.0" else {
                    throw .badRequest("AWS service integrations support only payloadFormatVersion 1.0.")
                }
                return
            }
            guard let version = payloadFormatVersion else {
                throw .badRequest("payloadFormatVersion is required for AWS_PROXY integrations on HTTP APIs.")
            }
            guard version == "1.0" || version == "2.0" else {
                throw .badRequest("Invalid payloadFormatVersion '\(version.prefix(64))': use 1.0 or 2.0.")
            }
            try checkLambdaProxy(acceptsFunctionARN: true)
        } else {
            guard integrationSubtype == nil else {
                throw .badRequest("integrationSubtype is supported only for AWS_PROXY integrations.")
            }
            guard payloadFormatVersion == "1.0" else {
                throw .badRequest(
                    "Invalid payloadFormatVersion '\(payloadFormatVersion ?? "")': HTTP_PROXY integrations support 1.0."
                )
            }
            guard integrationMethod != nil else {
                throw .badRequest("integrationMethod is required for HTTP_PROXY integrations.")
            }
            let uri = try FieldRules.require(integrationURI, member: "integrationUri")
            let target = IntegrationTarget(uri: uri)
            switch connectionType {
            case .internet:
                guard target == .url else {
                    throw .badRequest(
                        "Invalid integrationUri '\(uri.prefix(300))': an HTTP_PROXY integration over the internet "
                            + "needs an absolute http or https URL.")
                }
            case .vpcLink:
                guard let target, target.isPrivateResource else {
                    throw .badRequest(
                        "Invalid integrationUri '\(uri.prefix(300))': a private integration needs an ALB or NLB "
                            + "listener ARN or a Cloud Map service ARN.")
                }
            }
        }
    }

    private func checkWebSocketAPIRules() throws(RegistryError) {
        guard responseParameters == nil else {
            throw .badRequest("responseParameters are supported only for HTTP APIs.")
        }
        guard integrationSubtype == nil else {
            throw .badRequest("integrationSubtype is supported only for HTTP APIs.")
        }
        guard payloadFormatVersion == "1.0" else {
            throw .badRequest(
                "Invalid payloadFormatVersion '\(payloadFormatVersion ?? "")': WebSocket APIs support only 1.0.")
        }
        switch integrationType {
        case .awsProxy:
            try checkLambdaProxy(acceptsFunctionARN: false)
        case .aws:
            let uri = try FieldRules.require(integrationURI, member: "integrationUri")
            switch IntegrationTarget(uri: uri) {
            case .awsServiceAction, .lambdaInvocation: break
            default:
                throw .badRequest(
                    "Invalid integrationUri '\(uri.prefix(300))': an AWS integration needs an "
                        + "arn:aws:apigateway:{region}:{service}:… action URI.")
            }
            guard integrationMethod != nil else {
                throw .badRequest("integrationMethod is required for AWS integrations.")
            }
        case .http, .httpProxy:
            let uri = try FieldRules.require(integrationURI, member: "integrationUri")
            guard IntegrationTarget(uri: uri) == .url else {
                throw .badRequest(
                    "Invalid integrationUri '\(uri.prefix(300))': expected an absolute http or https URL.")
            }
            guard integrationMethod != nil else {
                throw .badRequest("integrationMethod is required for \(integrationType.rawValue) integrations.")
            }
        case .mock:
            guard integrationURI == nil else { throw .badRequest("MOCK integrations take no integrationUri.") }
        }
    }

    private func checkLambdaProxy(acceptsFunctionARN: Bool) throws(RegistryError) {
        let uri = try FieldRules.require(integrationURI, member: "integrationUri")
        switch IntegrationTarget(uri: uri) {
        case .lambdaInvocation: break
        case .lambdaFunction where acceptsFunctionARN: break
        default:
            throw .badRequest(
                "Invalid integrationUri '\(uri.prefix(300))': an AWS_PROXY integration needs "
                    + (acceptsFunctionARN ? "a Lambda function ARN or " : "")
                    + "an invocation URI arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations."
            )
        }
        if let method = integrationMethod, method != "POST" {
            throw .badRequest("Invalid integrationMethod '\(method)': Lambda proxy integrations use POST.")
        }
        guard connectionType == .internet else {
            throw .badRequest("AWS_PROXY integrations do not support connectionType VPC_LINK.")
        }
    }

    private func checkConnection(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        switch connectionType {
        case .internet:
            guard connectionID == nil else {
                throw .badRequest("connectionId is supported only when connectionType is VPC_LINK.")
            }
            guard tlsConfig == nil else {
                throw .badRequest("tlsConfig is supported only for private integrations (connectionType VPC_LINK).")
            }
        case .vpcLink:
            guard api.protocolType == .http else {
                throw .badRequest("Private integrations (connectionType VPC_LINK) are supported only for HTTP APIs.")
            }
            guard let connectionID else {
                throw .badRequest("connectionId is required when connectionType is VPC_LINK.")
            }
            guard try registry.vpcLink(connectionID) != nil else {
                throw .notFound("Invalid VPC link identifier specified: no VPC link \(connectionID).")
            }
            try FieldRules.check(tlsConfig?.serverNameToVerify, member: "tlsConfig.serverNameToVerify", length: 1...512)
        }
    }
}
