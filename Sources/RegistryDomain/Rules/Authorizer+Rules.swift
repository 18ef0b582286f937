extension Authorizer {
    /// Applies the members given in `input` to this authorizer.
    mutating func apply(_ input: AuthorizerInput) {
        if let name = input.name { self.name = name }
        if let type = input.authorizerType, type != authorizerType {
            // Members of the old type do not carry over to the new one.
            authorizerType = type
            switch type {
            case .jwt:
                authorizerURI = nil
                authorizerPayloadFormatVersion = nil
                enableSimpleResponses = nil
            case .request:
                jwtConfiguration = nil
            }
        }
        if let source = input.identitySource { identitySource = source }
        if let configuration = input.jwtConfiguration { jwtConfiguration = configuration }
        if let uri = input.authorizerUri { authorizerURI = uri }
        if let version = input.authorizerPayloadFormatVersion { authorizerPayloadFormatVersion = version }
        if let ttl = input.authorizerResultTtlInSeconds { authorizerResultTTLInSeconds = ttl }
        if let simple = input.enableSimpleResponses { enableSimpleResponses = simple }
        if let arn = input.authorizerCredentialsArn { authorizerCredentialsArn = arn }
        if let expression = input.identityValidationExpression { identityValidationExpression = expression }
    }

    /// Checks every rule on this authorizer for its API.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the offending member.
    func checkRules(in api: API) throws(RegistryError) {
        try FieldRules.check(name, member: "name", length: 1...128)
        try FieldRules.check(authorizerResultTTLInSeconds, member: "authorizerResultTtlInSeconds", within: 0...3600)
        try FieldRules.check(identityValidationExpression, member: "identityValidationExpression", length: 0...1024)
        for source in identitySource {
            try FieldRules.check(source, member: "identitySource", length: 1...1024)
        }
        try checkIdentitySources(for: api.protocolType)
        if let ttl = authorizerResultTTLInSeconds {
            guard api.protocolType == .http else {
                throw .badRequest(
                    "authorizerResultTtlInSeconds is supported only for HTTP API authorizers; WebSocket authorizers "
                        + "are not cached.")
            }
            if ttl > 0, identitySource.isEmpty {
                // AWS's wording.
                throw .badRequest(
                    "Identity source must be set if authorizer caching is enabled (TTL is greater than 0); "
                        + "authorizerResultTtlInSeconds is \(ttl).")
            }
        }
        switch authorizerType {
        case .jwt:
            guard api.protocolType == .http else {
                throw .badRequest("JWT authorizers are supported only for HTTP APIs.")
            }
            guard identitySource.count == 1 else {
                throw .badRequest(
                    "A JWT authorizer needs exactly one identitySource, e.g. $request.header.Authorization.")
            }
            guard let issuer = jwtConfiguration?.issuer, issuer.hasPrefix("https://"), issuer.count > 8 else {
                throw .badRequest("A JWT authorizer needs jwtConfiguration.issuer, an https URL.")
            }
            guard jwtConfiguration?.audience?.isEmpty == false else {
                throw .badRequest("A JWT authorizer needs at least one jwtConfiguration.audience.")
            }
            guard authorizerURI == nil, authorizerPayloadFormatVersion == nil, enableSimpleResponses == nil else {
                throw .badRequest(
                    "authorizerUri, authorizerPayloadFormatVersion and enableSimpleResponses are supported only for "
                        + "REQUEST authorizers.")
            }
        case .request:
            guard jwtConfiguration == nil else {
                throw .badRequest("jwtConfiguration is supported only for JWT authorizers.")
            }
            let uri = try FieldRules.require(authorizerURI, member: "authorizerUri")
            guard case .lambdaInvocation = IntegrationTarget(uri: uri) else {
                throw .badRequest(
                    "Invalid authorizerUri '\(uri.prefix(300))': expected a Lambda invocation URI "
                        + "arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{arn}/invocations.")
            }
            if api.protocolType == .http {
                guard let version = authorizerPayloadFormatVersion, version == "1.0" || version == "2.0" else {
                    throw .badRequest("authorizerPayloadFormatVersion 1.0 or 2.0 is required for REQUEST authorizers.")
                }
                if enableSimpleResponses == true, version != "2.0" {
                    throw .badRequest("enableSimpleResponses requires authorizerPayloadFormatVersion 2.0.")
                }
            } else if authorizerPayloadFormatVersion != nil || enableSimpleResponses != nil {
                throw .badRequest(
                    "authorizerPayloadFormatVersion and enableSimpleResponses are supported only for HTTP APIs.")
            }
        }
    }

    /// The prefixes an identity source may have, by API protocol and authorizer type (AWS's
    /// CreateAuthorizer reference): HTTP APIs select from the request, its context or stage variables
    /// with `$`; WebSocket APIs use the `route.request.` form; a JWT is only read from a header or a
    /// query string.
    static func identitySourcePrefixes(for protocolType: ProtocolType, type: AuthorizerType) -> [String] {
        switch (protocolType, type) {
        case (.http, .jwt): ["$request.header.", "$request.querystring."]
        case (.http, .request): ["$request.header.", "$request.querystring.", "$context.", "$stageVariables."]
        case (.websocket, _): ["route.request.header.", "route.request.querystring.", "context.", "stageVariables."]
        }
    }

    private func checkIdentitySources(for protocolType: ProtocolType) throws(RegistryError) {
        let prefixes = Self.identitySourcePrefixes(for: protocolType, type: authorizerType)
        for source in identitySource {
            let named = prefixes.contains { prefix in
                source.hasPrefix(prefix) && source.count > prefix.count
                    && !source.contains(where: { $0 == " " || $0 == "," || $0.isNewline })
            }
            guard named else {
                throw .badRequest(
                    "Invalid identitySource '\(source.prefix(300))': a \(authorizerType.rawValue) authorizer of a "
                        + "\(protocolType == .http ? "HTTP" : "WebSocket") API takes an identity source of the form "
                        + prefixes.map { "\($0)X" }.joined(separator: ", ") + ".")
            }
        }
    }
}
