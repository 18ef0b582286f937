extension API {
    /// Checks every rule on an API's own members (they need no other entity).
    /// - Throws: ``RegistryError/Code/badRequest`` naming the first offending member.
    func checkRules() throws(RegistryError) {
        try FieldRules.check(name, member: "name", length: 1...128)
        try FieldRules.check(description, member: "description", length: 0...1024)
        try FieldRules.check(version, member: "version", length: 1...64)
        try FieldRules.check(expression: routeSelectionExpression, member: "routeSelectionExpression")
        try FieldRules.check(expression: apiKeySelectionExpression, member: "apiKeySelectionExpression")
        try FieldRules.check(tags: tags)
        switch protocolType {
        case .http:
            guard routeSelectionExpression == Self.httpRouteSelectionExpression else {
                throw .badRequest(
                    "Invalid routeSelectionExpression '\(routeSelectionExpression)': HTTP APIs use "
                        + "'\(Self.httpRouteSelectionExpression)'.")
            }
            guard disableSchemaValidation == nil else {
                throw .badRequest("disableSchemaValidation is supported only for WebSocket APIs.")
            }
        case .websocket:
            guard routeSelectionExpression.hasPrefix("$request.") || routeSelectionExpression.hasPrefix("${request.")
            else {
                throw .badRequest(
                    "Invalid routeSelectionExpression '\(routeSelectionExpression)': "
                        + "it must select from the request, e.g. '$request.body.action'.")
            }
            guard corsConfiguration == nil else {
                throw .badRequest("corsConfiguration is supported only for HTTP APIs.")
            }
        }
        if let cors = corsConfiguration {
            try FieldRules.check(cors.maxAge, member: "corsConfiguration.maxAge", within: -1...86_400)
            if cors.allowCredentials == true, cors.allowOrigins?.contains("*") == true {
                throw .badRequest("allowCredentials is not supported when allowOrigins contains '*'.")
            }
        }
    }

    /// Applies the members given in `input` (an UpdateApi) to this API.
    /// The quick-create members are the use case's (they change the route and integration).
    /// - Throws: ``RegistryError/Code/badRequest`` for members UpdateApi cannot change.
    mutating func apply(_ input: APIInput) throws(RegistryError) {
        if let protocolType = input.protocolType, protocolType != self.protocolType {
            throw .badRequest("The protocolType of an API cannot be changed.")
        }
        if let name = input.name { self.name = name }
        if let description = input.description { self.description = description }
        if let expression = input.routeSelectionExpression { routeSelectionExpression = expression }
        if let expression = input.apiKeySelectionExpression { apiKeySelectionExpression = expression }
        if let cors = input.corsConfiguration { corsConfiguration = cors }
        if let disable = input.disableExecuteApiEndpoint { disableExecuteApiEndpoint = disable }
        if let disable = input.disableSchemaValidation { disableSchemaValidation = disable }
        // AWS's UpdateApi clears the version when it is given as an empty string.
        if let version = input.version { self.version = version.isEmpty ? nil : version }
        if let type = input.ipAddressType { ipAddressType = type }
    }
}
