extension RouteResponse {
    /// The only route response key AWS supports.
    static let defaultKey = "$default"

    /// Applies the members given in `input` to this route response.
    mutating func apply(_ input: RouteResponseInput) {
        if let key = input.routeResponseKey { self.key = key }
        if let expression = input.modelSelectionExpression { modelSelectionExpression = expression }
        if let models = input.responseModels { responseModels = models }
        if let parameters = input.responseParameters { responseParameters = parameters }
    }

    /// Checks every rule on this route response: WebSocket APIs only, the key `$default` (the only
    /// one AWS supports), once per route, and response models that name models of the API.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the offending member,
    ///   ``RegistryError/Code/conflict`` for a key the route already has.
    func checkRules(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        guard api.protocolType == .websocket else {
            throw .badRequest("Route responses are supported only for WebSocket APIs; API \(api.id) is an HTTP API.")
        }
        guard key == Self.defaultKey else {
            throw .badRequest("Invalid routeResponseKey '\(key.prefix(140))': only $default is supported.")
        }
        try FieldRules.check(expression: modelSelectionExpression, member: "modelSelectionExpression")
        try FieldRules.check(map: responseModels, member: "responseModels", valueLength: 1...128)
        for name in (responseParameters ?? [:]).keys.sorted() {
            try FieldRules.check(name, member: "responseParameters key", length: 1...512)
        }
        try Model.checkReferences(responseModels, member: "responseModels", in: apiID, using: registry)
        if let other = try registry.routeResponse(withKey: key, of: routeID), other != id {
            throw .conflict("Route \(routeID) already has the route response \(key) (\(other)).")
        }
    }
}
