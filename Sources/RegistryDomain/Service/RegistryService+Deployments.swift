extension RegistryService {
    /// CreateDeployment; with `stageName`, that stage then serves the new deployment.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or stage,
    ///   ``RegistryError/Code/badRequest`` when the API has no route to deploy or the stage deploys
    ///   automatically.
    public func createDeployment(in apiID: APIID, _ input: DeploymentInput) async throws(RegistryError) -> Deployment {
        // Checked here so a malformed request never takes a write slot.
        _ = try input.stageName.map { text throws(RegistryError) in try StageName(validating: text) }
        try FieldRules.check(input.description, member: "description", length: 0...1024)
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            _ = try Self.existingAPI(apiID, in: registry, includingTags: false)
            let (deployment, stage) = try Self.newDeployment(input, in: apiID, using: registry, at: now)
            try registry.record("CreateDeployment", .deployment, deployment.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(deployment)
            if let stage { try registry.update(stage) }
            return deployment
        }
    }

    /// GetDeployment.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or deployment.
    public func deployment(_ id: DeploymentID, in apiID: APIID) async throws(RegistryError) -> Deployment {
        try await store.read { registry throws(RegistryError) in try Self.existingDeployment(id, in: apiID, registry) }
    }

    /// GetDeployments.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func deployments(in apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Deployment> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingAPI(apiID, in: registry, includingTags: false)
            return try registry.deployments(of: apiID, page)
        }
    }

    /// UpdateDeployment: only the description can change.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or deployment,
    ///   ``RegistryError/Code/badRequest`` for a description over 1024 characters.
    public func updateDeployment(
        _ id: DeploymentID, in apiID: APIID, _ input: DeploymentInput
    )
        async throws(RegistryError) -> Deployment
    {
        try FieldRules.check(input.description, member: "description", length: 0...1024)
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            var deployment = try Self.existingDeployment(id, in: apiID, registry)
            if let description = input.description { deployment.description = description }
            try registry.record("UpdateDeployment", .deployment, id.rawValue, in: .api(apiID), at: now)
            try registry.update(deployment)
            return deployment
        }
    }

    /// DeleteDeployment.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or deployment,
    ///   ``RegistryError/Code/badRequest`` while a stage serves it.
    public func deleteDeployment(_ id: DeploymentID, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingDeployment(id, in: apiID, registry)
            let stages = try registry.stages(serving: id, in: apiID)
            guard stages.isEmpty else {
                throw RegistryError.badRequest(
                    "Active stages pointing to this deployment must be moved or deleted: "
                        + stages.map(\.rawValue).joined(separator: ", ") + ".")
            }
            try registry.record("DeleteDeployment", .deployment, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteDeployment(id, in: apiID)
        }
    }

    static func existingDeployment(
        _ id: DeploymentID, in apiID: APIID, _ registry: any RegistryReadTransaction
    )
        throws(RegistryError) -> Deployment
    {
        _ = try existingAPI(apiID, in: registry, includingTags: false)
        guard let deployment = try registry.deployment(id, in: apiID) else {
            throw RegistryError.notFound("Invalid deployment identifier specified: \(id).")
        }
        return deployment
    }

    /// The deployment `input` describes in `apiID`, with a new id, and the stage it deploys (its
    /// deployment set; to be updated with it), if `input` names one.
    /// - Throws: ``RegistryError/Code/badRequest`` for an API without routes, a malformed member or a
    ///   stage that deploys automatically, ``RegistryError/Code/notFound`` for an unknown stage.
    static func newDeployment(
        _ input: DeploymentInput, in apiID: APIID, using registry: any RegistryReadTransaction, at now: Timestamp
    ) throws(RegistryError) -> (Deployment, Stage?) {
        let stageName = try input.stageName.map { text throws(RegistryError) in try StageName(validating: text) }
        try FieldRules.check(input.description, member: "description", length: 0...1024)
        guard try registry.routeCount(of: apiID) > 0 else {
            throw RegistryError.badRequest("Unable to deploy API because no routes exist in this API.")
        }
        var stage = try stageName.map { name throws(RegistryError) in try existingStage(name, in: apiID, registry) }
        if let stageName, stage?.autoDeploy == true {
            throw RegistryError.badRequest(
                "Stage \(stageName) deploys automatically; turn autoDeploy off to deploy to it by hand.")
        }
        let deployment = Deployment(
            id: try newID(unusedIn: registry), apiID: apiID, description: input.description,
            autoDeployed: false, createdDate: now)
        stage?.deploymentID = deployment.id
        stage?.lastUpdatedDate = now
        return (deployment, stage)
    }
}
