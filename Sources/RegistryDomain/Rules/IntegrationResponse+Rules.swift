extension IntegrationResponse {
    /// Applies the members given in `input` to this integration response.
    mutating func apply(_ input: IntegrationResponseInput) {
        if let key = input.integrationResponseKey { self.key = key }
        if let expression = input.templateSelectionExpression { templateSelectionExpression = expression }
        if let templates = input.responseTemplates { responseTemplates = templates }
        if let strategy = input.contentHandlingStrategy { contentHandlingStrategy = strategy }
        if let parameters = input.responseParameters { responseParameters = parameters }
    }

    /// Whether `key` is an integration response key: `$default`, a `/regular expression/` (AWS's
    /// form for matching the backend's status), or a status code as AWS's own examples write it.
    static func isKey(_ key: String) -> Bool {
        if key == "$default" { return true }
        if key.count >= 3, key.hasPrefix("/"), key.hasSuffix("/"), key.count <= 1024 { return true }
        return key.count == 3 && key.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Checks every rule on this integration response: WebSocket APIs only, a key in AWS's forms,
    /// once per integration, templates and parameter mappings within bounds.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the offending member,
    ///   ``RegistryError/Code/conflict`` for a key the integration already has.
    func checkRules(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        guard api.protocolType == .websocket else {
            throw .badRequest(
                "Integration responses are supported only for WebSocket APIs; API \(api.id) is an HTTP API.")
        }
        guard Self.isKey(key) else {
            throw .badRequest(
                "Invalid integrationResponseKey '\(key.prefix(140))': use $default, a /regular expression/ such "
                    + "as /4\\d\\d/, or a status code.")
        }
        try FieldRules.check(expression: templateSelectionExpression, member: "templateSelectionExpression")
        try FieldRules.check(map: responseTemplates, member: "responseTemplates")
        try FieldRules.check(map: responseParameters, member: "responseParameters", valueLength: 1...512)
        if let other = try registry.integrationResponse(withKey: key, of: integrationID), other != id {
            throw .conflict("Integration \(integrationID) already has the integration response \(key) (\(other)).")
        }
    }
}
