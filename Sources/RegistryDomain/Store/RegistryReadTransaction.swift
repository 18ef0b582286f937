/// Read access to the registry inside one consistent snapshot (the store port, read side).
///
/// Implementations throw only ``RegistryError`` (``RegistryError/Code/serviceUnavailable`` or
/// ``RegistryError/Code/internalFailure`` when the storage itself fails).
public protocol RegistryReadTransaction {
    /// Whether an entity of `id`'s kind already has this id (ids are unique registry-wide).
    func isTaken(_ id: some EntityIdentifier) throws(RegistryError) -> Bool
    /// The API with this id, or `nil`.
    func api(_ id: APIID) throws(RegistryError) -> API?
    /// How many APIs, routes, integrations, VPC links, domain names and change records there are.
    /// - Throws: the storage failure.
    func catalogCounts() throws(RegistryError) -> CatalogCounts

    /// A page of the catalog: the APIs `query` finds, newest first, each with what its words
    /// matched. The page's cursor is a position (the next page holds APIs created before it), not
    /// an item: a search reads a bounded number of index documents per page, so a page may hold
    /// fewer APIs than asked for, even none, and still have a next one.
    func catalog(_ query: CatalogQuery, _ page: PageRequest) throws(RegistryError) -> Page<CatalogHit>
    /// A page of the search index's documents of `kinds` holding every word (see
    /// ``CatalogQuery/words``), newest API first; the cursor is a position, and a page may hold
    /// fewer documents than asked and still have a next one, as in ``catalog(_:_:)``.
    func catalogDocuments(
        matching words: [String], kinds: Set<CatalogMatch.Kind>, _ page: PageRequest
    ) throws(RegistryError) -> Page<CatalogDocument>
    /// The API with this id without its tags (``API/tags`` is empty), or `nil`: all that the rules
    /// about an API's routes, integrations, authorizers, stages and deployments look at.
    func untaggedAPI(_ id: APIID) throws(RegistryError) -> API?
    /// A page of APIs in creation order, filtered.
    func apis(_ page: PageRequest, filter: APIFilter) throws(RegistryError) -> Page<API>

    /// The route with this id in this API, or `nil`.
    func route(_ id: RouteID, in api: APIID) throws(RegistryError) -> Route?
    /// A page of the API's routes in creation order.
    func routes(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Route>
    /// How many routes the API has.
    func routeCount(of api: APIID) throws(RegistryError) -> Int
    /// The route of the API whose key has this conflict key, if any.
    func route(withConflictKey conflictKey: String, in api: APIID) throws(RegistryError) -> RouteID?
    /// The routes of the API that target this integration.
    func routes(targeting integration: IntegrationID, in api: APIID) throws(RegistryError) -> [RouteID]
    /// The routes of the API that use this authorizer.
    func routes(usingAuthorizer authorizer: AuthorizerID, in api: APIID) throws(RegistryError) -> [RouteID]

    /// The integration with this id in this API, or `nil`.
    func integration(_ id: IntegrationID, in api: APIID) throws(RegistryError) -> Integration?
    /// A page of the API's integrations in creation order.
    func integrations(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Integration>
    /// How many integrations the API has.
    func integrationCount(of api: APIID) throws(RegistryError) -> Int

    /// The stage with this name in this API, or `nil`.
    func stage(_ name: StageName, in api: APIID) throws(RegistryError) -> Stage?
    /// A page of the API's stages in creation order.
    func stages(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Stage>
    /// Every stage of the API that deploys automatically.
    func autoDeployStages(of api: APIID) throws(RegistryError) -> [Stage]
    /// How many stages the API has.
    func stageCount(of api: APIID) throws(RegistryError) -> Int
    /// The stages of the API that serve this deployment.
    func stages(serving deployment: DeploymentID, in api: APIID) throws(RegistryError) -> [StageName]

    /// The deployment with this id in this API, or `nil`.
    func deployment(_ id: DeploymentID, in api: APIID) throws(RegistryError) -> Deployment?
    /// A page of the API's deployments in creation order.
    func deployments(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Deployment>

    /// The authorizer with this id in this API, or `nil`.
    func authorizer(_ id: AuthorizerID, in api: APIID) throws(RegistryError) -> Authorizer?
    /// A page of the API's authorizers in creation order.
    func authorizers(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Authorizer>
    /// How many authorizers the API has.
    func authorizerCount(of api: APIID) throws(RegistryError) -> Int

    /// The VPC link with this id, or `nil`.
    func vpcLink(_ id: VpcLinkID) throws(RegistryError) -> VpcLink?
    /// A page of VPC links in creation order.
    func vpcLinks(_ page: PageRequest) throws(RegistryError) -> Page<VpcLink>
    /// The APIs with an integration that uses this VPC link, sorted.
    func apis(usingVpcLink id: VpcLinkID) throws(RegistryError) -> [APIID]

    /// The model with this id in this API, or `nil`.
    func model(_ id: ModelID, in api: APIID) throws(RegistryError) -> Model?
    /// The model of the API with this name, or `nil`.
    func model(named name: String, in api: APIID) throws(RegistryError) -> Model?
    /// A page of the API's models in creation order.
    func models(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Model>
    /// The routes of the API whose `requestModels` name this model.
    func routes(namingModel name: String, in api: APIID) throws(RegistryError) -> [RouteID]
    /// The route responses of the API whose `responseModels` name this model.
    func routeResponses(namingModel name: String, in api: APIID) throws(RegistryError) -> [RouteResponseID]

    /// The route response with this id of this route, or `nil`.
    func routeResponse(_ id: RouteResponseID, of route: RouteID) throws(RegistryError) -> RouteResponse?
    /// A page of the route's responses in creation order.
    func routeResponses(of route: RouteID, _ page: PageRequest) throws(RegistryError) -> Page<RouteResponse>
    /// The route's response with this key, if any.
    func routeResponse(withKey key: String, of route: RouteID) throws(RegistryError) -> RouteResponseID?
    /// Every route response of every route of the API, in creation order.
    func routeResponses(ofAPI api: APIID) throws(RegistryError) -> [RouteResponse]

    /// The integration response with this id of this integration, or `nil`.
    func integrationResponse(
        _ id: IntegrationResponseID, of integration: IntegrationID
    ) throws(RegistryError) -> IntegrationResponse?
    /// A page of the integration's responses in creation order.
    func integrationResponses(
        of integration: IntegrationID, _ page: PageRequest
    ) throws(RegistryError) -> Page<IntegrationResponse>
    /// The integration's response with this key, if any.
    func integrationResponse(
        withKey key: String, of integration: IntegrationID
    ) throws(RegistryError) -> IntegrationResponseID?
    /// Every integration response of every integration of the API, in creation order.
    func integrationResponses(ofAPI api: APIID) throws(RegistryError) -> [IntegrationResponse]

    /// The custom domain name with this name, or `nil`.
    func domainName(_ name: DomainNameID) throws(RegistryError) -> DomainName?
    /// A page of custom domain names in creation order.
    func domainNames(_ page: PageRequest) throws(RegistryError) -> Page<DomainName>

    /// The API mapping with this id on this domain name, or `nil`.
    func apiMapping(_ id: APIMappingID, on domainName: DomainNameID) throws(RegistryError) -> APIMapping?
    /// A page of the domain name's API mappings in creation order.
    func apiMappings(on domainName: DomainNameID, _ page: PageRequest) throws(RegistryError) -> Page<APIMapping>
    /// Every API mapping of the domain name, in creation order.
    func apiMappings(on domainName: DomainNameID) throws(RegistryError) -> [APIMapping]
    /// The mapping of the domain name with this key (empty: the root), if any.
    func apiMapping(withKey key: String, on domainName: DomainNameID) throws(RegistryError) -> APIMappingID?
    /// Every API mapping, on any domain name, of this API, in creation order.
    func apiMappings(of api: APIID) throws(RegistryError) -> [APIMapping]

    /// The tags of a resource, or `nil` if the resource does not exist.
    func tags(of resource: TaggedResource) throws(RegistryError) -> Tags?

    /// A page of the stream's changes, newest first.
    func changes(in stream: ChangeStream, _ page: PageRequest) throws(RegistryError) -> Page<Change>
    /// A page of the catalog's changes, newest first, filtered.
    func changes(_ filter: ChangeFilter, _ page: PageRequest) throws(RegistryError) -> Page<Change>
    /// The change that made this revision of the stream, or `nil`.
    func change(revision: Int, of stream: ChangeStream) throws(RegistryError) -> Change?
    /// The stream's newest change, or `nil` if it has none.
    func latestChange(of stream: ChangeStream) throws(RegistryError) -> Change?
    /// The change with this catalog-wide sequence number, or `nil`.
    func change(sequence: Int64) throws(RegistryError) -> Change?
}
