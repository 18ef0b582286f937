extension RegistryService {
    /// CreateRoute.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or a target/authorizer outside it,
    ///   ``RegistryError/Code/badRequest`` for a malformed member, ``RegistryError/Code/conflict`` for a
    ///   key that conflicts with another route, ``RegistryError/Code/tooManyRequests`` past the quota.
    public func createRoute(in apiID: APIID, _ input: RouteInput) async throws(RegistryError) -> Route {
        _ = try FieldRules.require(input.routeKey, member: "routeKey")
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            let route = try Self.newRoute(input, in: api, using: registry, quotas: quotas)
            try registry.record("CreateRoute", .route, route.id.rawValue, in: .api(apiID), at: now)
            try registry.insert(route)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return route
        }
    }

    /// GetRoute.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or route.
    public func route(_ id: RouteID, in apiID: APIID) async throws(RegistryError) -> Route {
        try await store.read { registry throws(RegistryError) in try Self.existingRoute(id, in: apiID, registry) }
    }

    /// GetRoutes.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API.
    public func routes(in apiID: APIID, _ page: PageRequest) async throws(RegistryError) -> Page<Route> {
        try await store.read { registry throws(RegistryError) in
            _ = try Self.existingAPI(apiID, in: registry, includingTags: false)
            return try registry.routes(of: apiID, page)
        }
    }

    /// UpdateRoute: changes the members given, then checks every rule on the result.
    /// - Throws: as ``createRoute(in:_:)``, without the quota.
    public func updateRoute(_ id: RouteID, in apiID: APIID, _ input: RouteInput) async throws(RegistryError) -> Route {
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            let api = try Self.existingAPI(apiID, in: registry, includingTags: false)
            var route = try Self.existingRoute(id, in: apiID, registry)
            try route.apply(input, protocolType: api.protocolType)
            try route.checkRules(in: api, using: registry)
            try registry.record("UpdateRoute", .route, route.id.rawValue, in: .api(apiID), at: now)
            try registry.update(route)
            try Self.deployAutomatically(apiID, in: registry, at: now)
            return route
        }
    }

    /// DeleteRoute.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or route.
    public func deleteRoute(_ id: RouteID, in apiID: APIID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingRoute(id, in: apiID, registry)
            try registry.record("DeleteRoute", .route, id.rawValue, in: .api(apiID), at: now)
            try registry.deleteRoute(id, in: apiID)
            try Self.deployAutomatically(apiID, in: registry, at: now)
        }
    }

    /// DeleteRouteRequestParameter: removes one of the route's request parameters.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown API or route, or a parameter the route
    ///   does not have.
    public func deleteRouteRequestParameter(
        _ key: String, of id: RouteID, in apiID: APIID
    ) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            var route = try Self.existingRoute(id, in: apiID, registry)
            guard route.requestParameters?.removeValue(forKey: key) != nil else {
                throw RegistryError.notFound(
                    "Unable to find request parameter '\(key.prefix(300))' in route \(id).")
            }
            if route.requestParameters?.isEmpty == true { route.requestParameters = nil }
            try registry.record("DeleteRouteRequestParameter", .route, id.rawValue, in: .api(apiID), at: now)
            try registry.update(route)
            try Self.deployAutomatically(apiID, in: registry, at: now)
        }
    }

    static func existingRoute(
        _ id: RouteID, in apiID: APIID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> Route {
        _ = try existingAPI(apiID, in: registry, includingTags: false)
        guard let route = try registry.route(id, in: apiID) else {
            throw RegistryError.notFound("Invalid route identifier specified: \(id).")
        }
        return route
    }

    /// The route `input` describes in `api`, with a new id (checked against the API's quota) or
    /// the id of the one it replaces, checked by every rule (not yet written).
    /// - Throws: what CreateRoute throws for the same input.
    static func newRoute(
        _ input: RouteInput, in api: API, using registry: any RegistryReadTransaction, quotas: Quotas,
        replacing existing: RouteID? = nil
    ) throws(RegistryError) -> Route {
        let key = try FieldRules.require(input.routeKey, member: "routeKey")
        let id = try id(
            replacing: existing, unusedIn: registry,
            count: { () throws(RegistryError) in try registry.routeCount(of: api.id) },
            below: quotas.routesPerAPI, limitType: "RoutesPerApi", what: "routes per API")
        var route = Route(
            id: id, apiID: api.id,
            routeKey: try RouteKey(parsing: key, protocolType: api.protocolType))
        try route.apply(input, protocolType: api.protocolType)
        try route.checkRules(in: api, using: registry)
        return route
    }
}
