extension Route {
    /// Parses a route target: `integrations/{integrationId}`.
    /// - Throws: ``RegistryError/Code/badRequest`` for any other form.
    static func parseTarget(_ text: String) throws(RegistryError) -> IntegrationID {
        let prefix = "integrations/"
        guard text.hasPrefix(prefix), let id = IntegrationID(validating: text.dropFirst(prefix.count)) else {
            throw .badRequest("Invalid target '\(text.prefix(300))': expected 'integrations/{integrationId}'.")
        }
        return id
    }

    /// Applies the members given in `input` to this route; `protocolType` is the API's.
    /// - Throws: ``RegistryError/Code/badRequest`` for an unparsable key, target or authorizer id.
    mutating func apply(_ input: RouteInput, protocolType: ProtocolType) throws(RegistryError) {
        if let key = input.routeKey { routeKey = try RouteKey(parsing: key, protocolType: protocolType) }
        if let target = input.target { self.target = try Self.parseTarget(target) }
        if let type = input.authorizationType {
            authorizationType = type
            if type == .none || type == .awsIAM, input.authorizerId == nil { authorizerID = nil }
        }
        if let text = input.authorizerId {
            guard let id = AuthorizerID(validating: text) else {
                throw .notFound("Invalid authorizer identifier specified: '\(text.prefix(100))'.")
            }
            authorizerID = id
        }
        if let scopes = input.authorizationScopes { authorizationScopes = scopes }
        if let required = input.apiKeyRequired { apiKeyRequired = required }
        if let name = input.operationName { operationName = name }
        if let expression = input.modelSelectionExpression { modelSelectionExpression = expression }
        if let expression = input.routeResponseSelectionExpression { routeResponseSelectionExpression = expression }
        if let models = input.requestModels { requestModels = models }
        if let parameters = input.requestParameters { requestParameters = parameters }
    }

    /// Checks every rule on this route against its API and the registry's current content.
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/conflict`` when another route of the API has the same key (variables
    ///   compared without their names), ``RegistryError/Code/notFound`` when the target integration
    ///   or the authorizer is not in the same API.
    func checkRules(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        try FieldRules.check(operationName, member: "operationName", length: 1...64)
        try FieldRules.check(expression: modelSelectionExpression, member: "modelSelectionExpression")
        try FieldRules.check(expression: routeResponseSelectionExpression, member: "routeResponseSelectionExpression")
        try FieldRules.check(map: requestModels, member: "requestModels", valueLength: 1...128)
        if api.protocolType == .http {
            guard requestModels == nil, requestParameters == nil, modelSelectionExpression == nil,
                routeResponseSelectionExpression == nil
            else {
                throw .badRequest(
                    "requestModels, requestParameters, modelSelectionExpression and routeResponseSelectionExpression "
                        + "are supported only for WebSocket APIs.")
            }
            guard !apiKeyRequired else { throw .badRequest("apiKeyRequired is supported only for WebSocket APIs.") }
        }
        if let expression = routeResponseSelectionExpression, expression != RouteResponse.defaultKey {
            throw .badRequest(
                "Invalid routeResponseSelectionExpression '\(expression.prefix(140))': only $default is supported.")
        }
        if requestModels != nil {
            try Model.checkReferences(requestModels, member: "requestModels", in: api.id, using: registry)
        }
        try checkAuthorization(in: api, using: registry)
        if let existing = try registry.route(withConflictKey: routeKey.conflictKey, in: api.id), existing != id {
            throw .conflict(
                "Unable to create route \(routeKey.rawValue): the route key conflicts with route \(existing).")
        }
        if let target {
            guard try registry.integration(target, in: api.id) != nil else {
                throw .notFound("Invalid integration identifier specified: no integration \(target) in API \(api.id).")
            }
        }
    }

    private func checkAuthorization(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        switch authorizationType {
        case .none, .awsIAM:
            guard authorizerID == nil else {
                throw .badRequest("authorizerId is supported only with authorizationType CUSTOM or JWT.")
            }
            guard authorizationScopes == nil || authorizationScopes == [] else {
                throw .badRequest("authorizationScopes are supported only with authorizationType JWT.")
            }
        case .jwt, .custom:
            guard api.protocolType == .http || authorizationType == .custom else {
                throw .badRequest("authorizationType JWT is supported only for HTTP APIs.")
            }
            guard let authorizerID else {
                throw .badRequest("authorizationType \(authorizationType.rawValue) requires an authorizerId.")
            }
            guard let authorizer = try registry.authorizer(authorizerID, in: api.id) else {
                throw .notFound(
                    "Invalid authorizer identifier specified: no authorizer \(authorizerID) in API \(api.id).")
            }
            let expected: AuthorizerType = authorizationType == .jwt ? .jwt : .request
            guard authorizer.authorizerType == expected else {
                throw .badRequest(
                    "authorizationType \(authorizationType.rawValue) needs a \(expected.rawValue) authorizer; "
                        + "\(authorizerID) is \(authorizer.authorizerType.rawValue).")
            }
            if authorizationType == .custom, authorizationScopes?.isEmpty == false {
                throw .badRequest("authorizationScopes are supported only with authorizationType JWT.")
            }
        }
        if api.protocolType == .websocket, authorizationType != .none, routeKey.rawValue != "$connect" {
            throw .badRequest("On WebSocket APIs only the $connect route can have authorization.")
        }
    }
}
