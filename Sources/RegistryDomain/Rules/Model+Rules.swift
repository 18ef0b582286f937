extension Model {
    /// The largest schema AWS accepts (botocore: `StringWithLengthBetween0And32K`).
    static let maximumSchemaLength = 32_768

    /// Applies the members given in `input` to this model.
    mutating func apply(_ input: ModelInput) {
        if let name = input.name { self.name = name }
        if let schema = input.schema { self.schema = schema }
        if let type = input.contentType { contentType = type }
        if let description = input.description { self.description = description }
    }

    /// Checks every rule on this model against its API and the registry: WebSocket APIs only, a
    /// name of 1–128 letters and digits that no other model of the API has, a schema of at most
    /// 32,768 characters (that it is JSON is checked where it is decoded, and by the schema).
    /// - Throws: ``RegistryError/Code/badRequest`` naming the offending member,
    ///   ``RegistryError/Code/conflict`` for a name another model of the API has.
    func checkRules(in api: API, using registry: any RegistryReadTransaction) throws(RegistryError) {
        guard api.protocolType == .websocket else {
            throw .badRequest("Models are supported only for WebSocket APIs; API \(api.id) is an HTTP API.")
        }
        try FieldRules.check(name, member: "name", length: 1...128)
        guard name.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) else {
            throw .badRequest("Invalid model name '\(name.prefix(140))': a model name must be alphanumeric.")
        }
        try FieldRules.check(schema, member: "schema", length: 0...Self.maximumSchemaLength)
        try FieldRules.check(contentType, member: "contentType", length: 1...256)
        try FieldRules.check(description, member: "description", length: 0...1024)
        if let other = try registry.model(named: name, in: apiID), other.id != id {
            throw .conflict("A model named \(name) already exists in API \(apiID) (model \(other.id)).")
        }
    }

    /// Checks that every model name in `references` (a route's `requestModels` or a route
    /// response's `responseModels`) names a model of `api`.
    /// - Throws: ``RegistryError/Code/badRequest`` for a name no model of the API has.
    static func checkReferences(
        _ references: [String: String]?, member: String, in api: APIID, using registry: any RegistryReadTransaction
    ) throws(RegistryError) {
        for (key, name) in (references ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard try registry.model(named: name, in: api) != nil else {
                throw .badRequest(
                    "Invalid model name specified in \(member)['\(key.prefix(64))']: API \(api) has no model "
                        + "'\(name.prefix(140))'.")
            }
        }
    }
}
