extension RegistryService {
    /// CreateRouteResponse.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or route,
    ///   ``RegistryError/Code/badRequest`` for a key other than `$default`, an HTTP API or a response
    ///   model the API lacks, ``RegistryError/Code/conflict`` for a key the route already has.
    public func createRouteResponse(
        of routeID: RouteID, in apiID: APIID, _ input: RouteResponseInput
    ) async throws(RegistryError) -> RouteResponse {
        // Checked here so a request without it never takes a write slot.
        _ = try FieldRules.require(input.routeResponseKey, member: "routeResponseKey")
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            _ = try Self.existingRoute(routeID, in: apiID, registry)
            let response = try Self.newRouteResponse(input, of: routeID, in: api, using: registry)
            try registry.record("CreateRouteResponse", .routeResponse, response.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(response)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return response
        }
    }

    /// GetRouteResponse.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, route or route response.
    public func routeResponse(
        _ id: RouteResponseID, of routeID: RouteID, in apiID: APIID
    ) async throws(RegistryError) -> RouteResponse {
        try await store.read { registry throws(RegistryError) in
            try Self.existingRouteResponse(id, of: routeID, in: apiID, registry)
        }
    }

    /// GetRouteResponses.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or route.
    public func routeResponses(
        of routeID: RouteID, in apiID: APIID, _ page: PageRequest
    ) async throws(RegistryError) -> Page<RouteResponse> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingRoute(routeID, in: apiID, registry)
            return try registry.routeResponses(of: routeID, page)
        }
    }

    /// UpdateRouteResponse: changes the members given, then checks every rule on the result.
    /// - Throws: as ``createRouteResponse(of:in:_:)``.
    public func updateRouteResponse(
        _ id: RouteResponseID, of routeID: RouteID, in apiID: APIID, _ input: RouteResponseInput
    ) async throws(RegistryError) -> RouteResponse {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var response = try Self.existingRouteResponse(id, of: routeID, in: apiID, registry)
            response.apply(input)
            try response.checkRules(in: api, using: registry)
            try registry.record("UpdateRouteResponse", .routeResponse, response.id.rawValue, in: .api(apiID), at: now)
            try registry.update(response)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return response
        }
    }

    /// DeleteRouteResponse.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API, route or route response.
    public func deleteRouteResponse(
        _ id: RouteResponseID, of routeID: RouteID, in apiID: APIID
    ) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingRouteResponse(id, of: routeID, in: apiID, registry)
            try registry.record("DeleteRouteResponse", .routeResponse, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteRouteResponse(id, of: routeID)
            try Self.deployAutomatically(apiID, in: registry, at: now)
        }
    }

    static func existingRouteResponse(
        _ id: RouteResponseID, of routeID: RouteID, in apiID: APIID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> RouteResponse {
        _ = try existingRoute(routeID, in: apiID, registry)
        guard let response = try registry.routeResponse(id, of: routeID) else {
            throw RegistryError.notFound("Invalid route response identifier specified: \(id).")
        }
        return response
    }

    /// The route response `input` describes for `routeID` (a route of `api`), checked, with a new id.
    /// - Throws: what ``createRouteResponse(of:in:_:)`` throws for its members.
    static func newRouteResponse(
        _ input: RouteResponseInput, of routeID: RouteID, in api: API, using registry: any RegistryReadTransaction
    ) throws(RegistryError) -> RouteResponse {
        let key = try FieldRules.require(input.routeResponseKey, member: "routeResponseKey")
        var response = RouteResponse(id: try newID(unusedIn: registry), apiID: api.id, routeID: routeID, key: key)
        response.apply(input)
        try response.checkRules(in: api, using: registry)
        return response
    }
}
