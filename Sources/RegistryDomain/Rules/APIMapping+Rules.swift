extension APIMapping {
    /// The characters an API mapping key may use besides ASCII letters and digits (AWS's
    /// developer guide: `$-_.+!*'()`, and `/` between the levels of an HTTP API's multi-level key).
    static let keyPunctuation: Set<Character> = ["$", "-", "_", ".", "+", "!", "*", "'", "(", ")"]

    /// Whether the key has more than one level (`v1/orders`): such mappings have their own quota.
    var isMultiLevel: Bool { key.contains("/") }

    /// Checks the key's syntax for an API of `protocolType`: empty (the domain's root) or at most
    /// 300 characters of letters, digits and `$-_.+!*'()`; HTTP APIs may also separate levels with
    /// `/` (never leading, trailing or doubled).
    /// - Throws: ``RegistryError/Code/badRequest`` with AWS's wording where it is known.
    static func checkKey(_ key: String, for protocolType: ProtocolType) throws(RegistryError) {
        guard key.count <= 300 else {
            throw .badRequest("An ApiMapping key may be at most 300 characters, got \(key.count).")
        }
        let slashAllowed = protocolType == .http
        for character in key
        where !(character.isASCII && (character.isLetter || character.isNumber))
            && !keyPunctuation.contains(character) && !(slashAllowed && character == "/")
        {
            throw .badRequest(
                "Invalid ApiMapping key '\(key.prefix(300))': an ApiMapping key may contain only letters, numbers and "
                    + "one of $-_.+!*'()" + (slashAllowed ? ", with / between levels." : " (WebSocket APIs take no /).")
            )
        }
        if key.hasPrefix("/") || key.contains("//") {
            throw .badRequest("API mapping key should not start with a '/' or have consecutive '/'s.")
        }
        if key.hasSuffix("/") { throw .badRequest("API mapping key should not end with a '/'.") }
    }

    /// Checks every rule on this mapping against the registry: the API and its stage exist, the key
    /// suits the API's protocol and is free on the domain, WebSocket APIs do not share the domain
    /// with HTTP APIs, and the domain keeps within the multi-level mapping quota.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, ``RegistryError/Code/badRequest``
    ///   for an unknown stage (as AWS answers), a malformed key or mixed protocols,
    ///   ``RegistryError/Code/conflict`` for a key already mapped, ``RegistryError/Code/tooManyRequests``
    ///   past the quota.
    func checkRules(using registry: any RegistryReadTransaction, quotas: Quotas) throws(RegistryError) {
        guard let api = try registry.untaggedAPI(apiID) else {
            throw .notFound("Invalid API identifier specified: \(apiID).")
        }
        guard try registry.stage(stage, in: apiID) != nil else {
            throw .badRequest("Invalid stage identifier specified: API \(apiID) has no stage \(stage).")
        }
        try Self.checkKey(key, for: api.protocolType)
        if let existing = try registry.apiMapping(withKey: key, on: domainName), existing != id {
            throw .conflict(
                "ApiMapping key already exists for this domain name: '\(key)' on \(domainName) is mapping \(existing).")
        }
        var multiLevel = isMultiLevel ? 1 : 0
        for other in try registry.apiMappings(on: domainName) where other.id != id {
            if other.isMultiLevel { multiLevel += 1 }
            guard other.apiID != apiID, let otherAPI = try registry.untaggedAPI(other.apiID) else { continue }
            if (otherAPI.protocolType == .websocket) != (api.protocolType == .websocket) {
                throw .badRequest(
                    "WebSocket APIs cannot share a custom domain name with HTTP APIs: \(domainName) already maps "
                        + "\(otherAPI.protocolType.rawValue) API \(other.apiID).")
            }
        }
        if isMultiLevel, multiLevel > quotas.multiLevelAPIMappingsPerDomainName {
            throw .quotaExceeded(
                "Limit exceeded: at most \(quotas.multiLevelAPIMappingsPerDomainName) multi-level API mappings per "
                    + "domain name.", limitType: "MultiLevelApiMappingsPerDomainName")
        }
    }
}
