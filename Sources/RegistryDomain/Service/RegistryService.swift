/// The registry's use cases: every operation the wire API offers, with its rules.
///
/// Each writing use case reads what its rules need, checks them and writes inside one store write
/// transaction, so a refused request changes nothing and two racing requests cannot both pass a
/// check that only one of them may pass.
public struct RegistryService: Sendable {
    /// Where the registry lives.
    public let store: any RegistryStore
    /// The limits enforced on creates.
    public let quotas: Quotas
    /// The source of `createdDate` values.
    let clock: @Sendable () -> Timestamp

    /// Creates the use cases over `store`.
    /// - Parameters:
    ///   - quotas: per-API limits (AWS's by default).
    ///   - clock: the current time; injected so that the domain reads no clock of its own.
    public init(store: any RegistryStore, quotas: Quotas = .aws, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.quotas = quotas
        self.clock = clock
    }

    /// A fresh random identifier of the requested kind that no entity of that kind has yet.
    ///
    /// Seven random characters give 36^7 (about 7.8e10) ids: a registry with a million routes
    /// would draw a taken one about once in 78,000 creates, so every create checks, inside its
    /// write transaction, and draws again.
    /// - Throws: ``RegistryError/Code/internalFailure`` if 32 draws in a row are taken (a broken
    ///   random source); storage failures as ``RegistryError``.
    static func newID<ID: EntityIdentifier>(
        _: ID.Type = ID.self, unusedIn registry: any RegistryReadTransaction
    ) throws(RegistryError) -> ID {
        var system = SystemRandomNumberGenerator()
        var generator = SplitMix64(seed: system.next())
        for _ in 0..<32 {
            let id = ID.random(using: &generator)
            if try !registry.isTaken(id) { return id }
        }
        throw RegistryError(.internalFailure, "No unused \(ID.self) could be drawn.")
    }

    /// The id of an entity being made: the id of the one it replaces (a replacement takes no new
    /// place in its API's quota), or a new one once `count` is below the quota `limit`.
    /// - Throws: ``RegistryError/Code/tooManyRequests`` past the quota; what ``newID(_:unusedIn:)``
    ///   throws.
    static func id<ID: EntityIdentifier>(
        replacing existing: ID?, unusedIn registry: any RegistryReadTransaction,
        count: () throws(RegistryError) -> Int, below limit: Int, limitType: String, what: String
    ) throws(RegistryError) -> ID {
        if let existing { return existing }
        try Quotas.check(count(), below: limit, limitType: limitType, what: what)
        return try newID(unusedIn: registry)
    }

    /// The API with this id; without its tags (``API/tags`` empty) when `includingTags` is `false`,
    /// which is all the rules about an API's children look at (it skips the tag query).
    /// - Throws: ``RegistryError/Code/notFound`` if there is none.
    static func existingAPI(
        _ id: APIID, in registry: any RegistryReadTransaction, includingTags: Bool = true
    ) throws(RegistryError) -> API {
        guard let api = try includingTags ? registry.api(id) : registry.untaggedAPI(id) else {
            throw RegistryError.notFound("Invalid API identifier specified: \(id).")
        }
        return api
    }

    /// Records a deployment for every auto-deploy stage of the API, as API Gateway does after a
    /// change, provided the API has a route to deploy.
    static func deployAutomatically(
        _ api: APIID, in registry: any RegistryWriteTransaction, at now: Timestamp
    ) throws(RegistryError) {
        let stages = try registry.autoDeployStages(of: api)
        guard !stages.isEmpty, try registry.routeCount(of: api) > 0 else { return }
        for var stage in stages {
            let deployment = Deployment(
                id: try newID(unusedIn: registry), apiID: api, autoDeployed: true, createdDate: now)
            try registry.insert(deployment)
            stage.deploymentID = deployment.id
            stage.lastUpdatedDate = now
            stage.lastDeploymentStatusMessage = "Successfully deployed stage with deployment ID '\(deployment.id)'"
            try registry.update(stage)
        }
    }
}
