extension RegistryService {
    /// CreateModel.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, ``RegistryError/Code/badRequest``
    ///   for a missing or malformed member or an HTTP API, ``RegistryError/Code/conflict`` for a name
    ///   another model of the API has.
    public func createModel(in apiID: APIID, _ input: ModelInput) async throws(RegistryError) -> Model {
        // Checked here so a request without them never takes a write slot.
        _ = try FieldRules.require(input.name, member: "name")
        _ = try FieldRules.require(input.schema, member: "schema")
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            let model = try Self.newModel(input, in: api, using: registry)
            try registry.record("CreateModel", .model, model.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(model)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return model
        }
    }

    /// GetModel.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or model.
    public func model(_ id: ModelID, in apiID: APIID) async throws(RegistryError) -> Model {
        try await store.read { registry throws(RegistryError) in try Self.existingModel(id, in: apiID, registry) }
    }

    /// GetModels.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func models(in apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Model> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingAPI(apiID, in: registry, includingTags: false)
            return try registry.models(of: apiID, page)
        }
    }

    /// UpdateModel: changes the members given; a model that routes or route responses name keeps
    /// its name.
    /// - Throws: as ``createModel(in:_:)``, and ``RegistryError/Code/conflict`` for renaming a model
    ///   in use (naming its users).
    public func updateModel(_ id: ModelID, in apiID: APIID, _ input: ModelInput) async throws(RegistryError) -> Model {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var model = try Self.existingModel(id, in: apiID, registry)
            let oldName = model.name
            model.apply(input)
            try model.checkRules(in: api, using: registry)
            if model.name != oldName { try Self.refuseIfNamed(oldName, in: apiID, registry, doing: "renamed") }
            try registry.record("UpdateModel", .model, model.id.rawValue, in: .api(apiID), at: now)
            try registry.update(model)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return model
        }
    }

    /// DeleteModel.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or model,
    ///   ``RegistryError/Code/conflict`` (naming them) while routes or route responses name it.
    public func deleteModel(_ id: ModelID, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            let model = try Self.existingModel(id, in: apiID, registry)
            try Self.refuseIfNamed(model.name, in: apiID, registry, doing: "deleted")
            try registry.record("DeleteModel", .model, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteModel(id, in: apiID)
            try Self.deployAutomatically(apiID, in: registry, at: now)
        }
    }

    /// GetModelTemplate: the model's schema, from which the wire layer renders a mapping template.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or model.
    public func modelSchema(_ id: ModelID, in apiID: APIID) async throws(RegistryError) -> String {
        try await model(id, in: apiID).schema
    }

    private static func refuseIfNamed(
        _ name: String, in apiID: APIID, _ registry: any RegistryReadTransaction, doing change: String
    ) throws(RegistryError) {
        let routes = try registry.routes(namingModel: name, in: apiID)
        let responses = try registry.routeResponses(namingModel: name, in: apiID)
        guard routes.isEmpty, responses.isEmpty else {
            let users =
                routes.map { "route \($0)" } + responses.map { "route response \($0)" }
            throw RegistryError.conflict(
                "Model '\(name)' cannot be \(change): it is referenced by \(users.joined(separator: ", ")).")
        }
    }

    static func existingModel(
        _ id: ModelID, in apiID: APIID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Model {
        _ = try existingAPI(apiID, in: registry, includingTags: false)
        guard let model = try registry.model(id, in: apiID) else {
            throw RegistryError.notFound("Invalid model identifier specified: \(id).")
        }
        return model
    }

    /// The model `input` describes in `api`, checked, with a new id.
    /// - Throws: ``RegistryError/Code/badRequest`` for a missing or malformed member,
    ///   ``RegistryError/Code/conflict`` for a name the API already has.
    static func newModel(
        _ input: ModelInput, in api: API, using registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Model {
        let name = try FieldRules.require(input.name, member: "name")
        let schema = try FieldRules.require(input.schema, member: "schema")
        var model = Model(id: try newID(unusedIn: registry), apiID: api.id, name: name, schema: schema)
        model.apply(input)
        try model.checkRules(in: api, using: registry)
        return model
    }
}
