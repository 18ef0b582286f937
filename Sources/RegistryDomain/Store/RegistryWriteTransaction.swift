/// Write access to the registry inside one transaction (the store port, write side).
///
/// Everything a use case does through one transaction commits together or not at all. Writes
/// throw ``RegistryError``: ``RegistryError/Code/conflict`` when a schema constraint refuses the
/// row (the second line of defence behind the domain rules), ``RegistryError/Code/serviceUnavailable``
/// when the database cannot be written.
public protocol RegistryWriteTransaction: RegistryReadTransaction {
    /// Records the change this write makes, in the same transaction: every write calls it before it
    /// changes its first row (the store refuses a write that changes rows without it). A write that
    /// changes several streams (an import of a template) records one change per stream, each before
    /// the rows of its stream: rows belong to the change recorded last before them.
    /// The store adds the sequence number, the stream's next revision and ``ChangeOrigin/current``.
    /// - Throws: ``RegistryError/Code/internalFailure`` when the write already recorded a change of
    ///   the same stream.
    func record(_ change: ChangeRecord) throws(RegistryError)

    /// Inserts a new API with its tags.
    func insert(_ api: API) throws(RegistryError)
    /// Replaces an existing API's attributes (not its tags).
    func update(_ api: API) throws(RegistryError)
    /// Deletes an API and, by cascade, everything that belongs to it.
    func deleteAPI(_ id: APIID) throws(RegistryError)

    /// Inserts a new route.
    func insert(_ route: Route) throws(RegistryError)
    /// Replaces an existing route.
    func update(_ route: Route) throws(RegistryError)
    /// Deletes a route.
    func deleteRoute(_ id: RouteID, in api: APIID) throws(RegistryError)

    /// Inserts a new integration.
    func insert(_ integration: Integration) throws(RegistryError)
    /// Replaces an existing integration.
    func update(_ integration: Integration) throws(RegistryError)
    /// Deletes an integration.
    func deleteIntegration(_ id: IntegrationID, in api: APIID) throws(RegistryError)

    /// Inserts a new stage with its tags.
    func insert(_ stage: Stage) throws(RegistryError)
    /// Replaces an existing stage's attributes (not its tags).
    func update(_ stage: Stage) throws(RegistryError)
    /// Deletes a stage.
    func deleteStage(_ name: StageName, in api: APIID) throws(RegistryError)

    /// Inserts a new deployment.
    func insert(_ deployment: Deployment) throws(RegistryError)
    /// Replaces an existing deployment.
    func update(_ deployment: Deployment) throws(RegistryError)
    /// Deletes a deployment.
    func deleteDeployment(_ id: DeploymentID, in api: APIID) throws(RegistryError)

    /// Inserts a new authorizer.
    func insert(_ authorizer: Authorizer) throws(RegistryError)
    /// Replaces an existing authorizer.
    func update(_ authorizer: Authorizer) throws(RegistryError)
    /// Deletes an authorizer.
    func deleteAuthorizer(_ id: AuthorizerID, in api: APIID) throws(RegistryError)

    /// Inserts a new VPC link with its tags.
    func insert(_ vpcLink: VpcLink) throws(RegistryError)
    /// Replaces an existing VPC link's attributes (not its tags).
    func update(_ vpcLink: VpcLink) throws(RegistryError)
    /// Deletes a VPC link.
    func deleteVpcLink(_ id: VpcLinkID) throws(RegistryError)

    /// Inserts a new model.
    func insert(_ model: Model) throws(RegistryError)
    /// Replaces an existing model.
    func update(_ model: Model) throws(RegistryError)
    /// Deletes a model.
    func deleteModel(_ id: ModelID, in api: APIID) throws(RegistryError)

    /// Inserts a new route response.
    func insert(_ routeResponse: RouteResponse) throws(RegistryError)
    /// Replaces an existing route response.
    func update(_ routeResponse: RouteResponse) throws(RegistryError)
    /// Deletes a route response.
    func deleteRouteResponse(_ id: RouteResponseID, of route: RouteID) throws(RegistryError)

    /// Inserts a new integration response.
    func insert(_ integrationResponse: IntegrationResponse) throws(RegistryError)
    /// Replaces an existing integration response.
    func update(_ integrationResponse: IntegrationResponse) throws(RegistryError)
    /// Deletes an integration response.
    func deleteIntegrationResponse(_ id: IntegrationResponseID, of integration: IntegrationID) throws(RegistryError)

    /// Inserts a new custom domain name with its tags.
    func insert(_ domainName: DomainName) throws(RegistryError)
    /// Replaces an existing domain name's attributes (not its tags).
    func update(_ domainName: DomainName) throws(RegistryError)
    /// Deletes a domain name and, by cascade, its API mappings.
    func deleteDomainName(_ name: DomainNameID) throws(RegistryError)

    /// Inserts a new API mapping.
    func insert(_ mapping: APIMapping) throws(RegistryError)
    /// Replaces an existing API mapping.
    func update(_ mapping: APIMapping) throws(RegistryError)
    /// Deletes an API mapping.
    func deleteAPIMapping(_ id: APIMappingID, on domainName: DomainNameID) throws(RegistryError)

    /// Replaces the API's rows with those it had right after change `sequence` (read from the
    /// rows' versions, with their ids and creation order): the API, its tags, integrations,
    /// authorizers, models, deployments, stages and their tags, routes, route and integration
    /// responses. The API's current API mappings are deleted; its old ones are not restored here.
    /// - Throws: ``RegistryError/Code/conflict`` when a schema constraint refuses a restored row.
    func restoreAPI(_ id: APIID, asOfChange sequence: Int64) throws(RegistryError)

    /// Replaces all tags of an existing resource.
    func replaceTags(of resource: TaggedResource, with tags: Tags) throws(RegistryError)
}
