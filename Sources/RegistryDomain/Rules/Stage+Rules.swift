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
    ///   ``RegistryError/Code/notFound`` when the deployment is not one of the same API or a route
    ///   setting names a route key the API has no route for.
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
                let routeKey = try RouteKey(parsing: key, protocolType: api.protocolType)
                var found = false
                if let id = try registry.route(withConflictKey: routeKey.conflictKey, in: api.id) {
                    found = try registry.route(id, in: api.id)?.routeKey.rawValue == key
                }
                guard found else {
                    // AWS's wording (CloudFormation reports it when a stage names a route that is not there).
                    throw .notFound("Unable to find Route by key \(key) within the provided RouteSettings")
                }
            }
        }
    }

    /// The route settings AWS reports for a stage that sets none (the AWS CLI reference's
    /// `create-stage` output for HTTP APIs; for WebSocket APIs what AWS answers, as Terraform's
    /// acceptance tests against AWS read it).
    public static func defaultRouteSettings(for protocolType: ProtocolType) -> RouteSettings {
        switch protocolType {
        case .http: RouteSettings(detailedMetricsEnabled: false)
        case .websocket: RouteSettings(dataTraceEnabled: false, detailedMetricsEnabled: false, loggingLevel: .off)
        }
    }

    /// This stage as AWS reports it: default route settings filled in where the stage sets none of a
    /// member, and `routeSettings` and `stageVariables` empty rather than absent. The stored stage
    /// (and so its template) keeps only what was set.
    public func withAWSDefaults(for protocolType: ProtocolType) -> Stage {
        var stage = self
        let defaults = Self.defaultRouteSettings(for: protocolType)
        var settings = defaultRouteSettings ?? RouteSettings()
        settings.dataTraceEnabled = settings.dataTraceEnabled ?? defaults.dataTraceEnabled
        settings.detailedMetricsEnabled = settings.detailedMetricsEnabled ?? defaults.detailedMetricsEnabled
        settings.loggingLevel = settings.loggingLevel ?? defaults.loggingLevel
        stage.defaultRouteSettings = settings
        stage.routeSettings = routeSettings ?? [:]
        stage.stageVariables = stageVariables ?? [:]
        return stage
    }
}
