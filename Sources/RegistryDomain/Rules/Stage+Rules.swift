extension Stage {
    /// Applies the members given in `input` to this stage (the name is fixed once created).
    /// - Throws: ``RegistryError/Code/notFound`` for a deployment id that cannot name a deployment.
    mutating func apply(_ input: StageInput) throws(RegistryError) {
        if let description = input.description { self.description = description }
        if let text = input.deploymentId {
            guard let id = DeploymentID(validating: text) else {
                throw .notFound("Invalid deployment identifier specified: '\(text.prefix(100))'.")
            }
            deploymentID = id
        }
        if let autoDeploy = input.autoDeploy { self.autoDeploy = autoDeploy }
        if let variables = input.stageVariables { stageVariables = variables }
        if let settings = input.defaultRouteSettings { defaultRouteSettings = settings }
        if let settings = input.routeSettings { routeSettings = settings }
        if let settings = input.accessLogSettings { accessLogSettings = settings }
        if let id = input.clientCertificateId { clientCertificateID = id }
    }

    /// Checks every rule on this stage against its API and the registry's current content.
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/notFound`` when the deployment is not one of the same API.
    func checkRules(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        try FieldRules.check(description, member: "description", length: 0...1024)
        try FieldRules.check(tags: tags)
        try FieldRules.check(map: stageVariables, member: "stageVariables", valueLength: 0...2048)
        try FieldRules.check(accessLogSettings?.format, member: "accessLogSettings.format", length: 1...1024)
        if name == .defaultStage, api.protocolType == .websocket {
            throw .badRequest("The $default stage is supported only for HTTP APIs.")
        }
        if api.protocolType == .http, clientCertificateID != nil {
            throw .badRequest("clientCertificateId is supported only for WebSocket APIs.")
        }
        if let deploymentID {
            guard try registry.deployment(deploymentID, in: api.id) != nil else {
                throw .notFound(
                    "Invalid deployment identifier specified: no deployment \(deploymentID) in API \(api.id).")
            }
        }
        if let keys = routeSettings?.keys {
            for key in keys.sorted() {
                _ = try RouteKey(parsing: key, protocolType: api.protocolType)
            }
        }
    }
}
