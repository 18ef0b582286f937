import RegistryDomain

/// The wire form of GetBackendUses: the target, how it was read, and a page of its uses.
struct BackendUsesBody: Encodable {
    /// One use: an integration (or a Lambda authorizer) of an API, and the routes through it.
    struct Use: Encodable {
        /// A route through the use.
        struct UseRoute: Encodable {
            let authorizationType: String
            let routeId: String
            let routeKey: String
        }

        let apiId: String
        let apiName: String
        let authorizerId: String?
        let authorizerName: String?
        let connectionId: String?
        let integrationId: String?
        let integrationType: String?
        let integrationUri: String?
        let protocolType: String
        let routes: [UseRoute]

        init(_ use: BackendUse) {
            apiId = use.api.id.rawValue
            apiName = use.api.name
            authorizerId = use.authorizer?.id.rawValue
            authorizerName = use.authorizer?.name
            connectionId = use.integration?.connectionID?.rawValue
            integrationId = use.integration?.id.rawValue
            integrationType = use.integration?.integrationType.rawValue
            integrationUri = use.integration?.integrationURI
            protocolType = use.api.protocolType.rawValue
            routes = use.routes.map {
                UseRoute(
                    authorizationType: $0.authorizationType.rawValue, routeId: $0.id.rawValue,
                    routeKey: $0.routeKey.rawValue)
            }
        }
    }

    let items: [Use]
    let nextToken: String?
    let target: String
    let targetKind: String

    /// The wire form of a page of `target`'s uses.
    init(_ page: Page<BackendUse>, target: BackendTarget) {
        items = page.items.map(Use.init)
        nextToken = page.next.map(PageToken.encode)
        self.target = target.text
        switch target.kind {
        case .vpcLink: targetKind = "VPC_LINK"
        case .lambdaFunction: targetKind = "LAMBDA_FUNCTION"
        case .uri: targetKind = "URI"
        }
    }
}
