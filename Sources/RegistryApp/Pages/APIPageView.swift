import Mustache
import RegistryDomain

/// One API's page (`/apis/{apiId}`): the API, its diagram, routes with their path to a backend,
/// integrations, authorizers, stages with their custom domains, downloads and history.
struct APIPageView {
    /// A route and where it goes.
    struct RouteRow {
        let routeID: String
        let routeKey: String
        let operationName: String?
        let authorization: String
        let authorizerName: String?
        let authorizerHref: String?
        let scopes: String?
        let integrationID: String?
        let integrationHref: String?
        let backend: String?
        let backendHref: String?
        let vpcLinkID: String?
        let vpcLinkHref: String?
    }

    /// An integration and its backend.
    struct IntegrationRow {
        let integrationID: String
        let integrationType: String
        let subtype: String?
        let backendKind: String
        let backend: String
        let backendHref: String?
        let vpcLinkID: String?
        let vpcLinkHref: String?
        let routeCount: Int
    }

    /// An authorizer and what it checks.
    struct AuthorizerRow {
        let authorizerID: String
        let name: String
        let authorizerType: String
        let identitySource: String?
        let issuer: String?
        let audience: String?
        let function: String?
        let functionHref: String?
        let routeCount: Int
    }

    /// A custom domain serving a stage.
    struct MappingCell {
        let domainName: String
        let key: String?
        let href: String
    }

    /// A stage and the custom domains serving it.
    struct StageRow {
        let name: String
        let anchor: String
        let description: String?
        let deploymentID: String?
        let autoDeploy: Bool
        let mappings: [MappingCell]
    }

    let chrome: PageChrome
    let apiID: String
    let name: String
    let protocolType: String
    let isWebSocket: Bool
    let description: String?
    let endpoint: String
    let created: String
    let createdISO: String
    let lastChange: ChangeView?
    let tags: [TagView]
    let hasTags: Bool
    let templateJSONHref: String
    let templateYAMLHref: String
    let exportYAMLHref: String?
    let exportJSONHref: String?
    let diagram: String
    let routes: [RouteRow]
    let hasRoutes: Bool
    let routeCount: Int
    let integrations: [IntegrationRow]
    let hasIntegrations: Bool
    let integrationCount: Int
    let authorizers: [AuthorizerRow]
    let hasAuthorizers: Bool
    let authorizerCount: Int
    let stages: [StageRow]
    let hasStages: Bool
    let revisions: [ChangeView]
    let olderHref: String?

    /// The page of `overview`, with endpoints in `region`.
    init(_ overview: APIOverview, region: String, viewer: PageViewer) {
        let snapshot = overview.snapshot
        let api = snapshot.api
        let id = api.id.rawValue
        chrome = PageChrome(api.name, viewer: viewer)
        apiID = id
        name = api.name
        protocolType = api.protocolType.rawValue
        isWebSocket = api.protocolType == .websocket
        description = api.description.flatMap { $0.isEmpty ? nil : $0 }
        endpoint = api.endpoint(region: region)
        let time = PageTime(api.createdDate)
        created = time.when
        createdISO = time.iso
        lastChange = overview.revisions.items.first.map { ChangeView($0, apiID: api.id) }
        tags = TagView.all(api.tags)
        hasTags = !tags.isEmpty
        templateJSONHref = "/v2/apis/\(id)/template?format=json"
        templateYAMLHref = "/v2/apis/\(id)/template?format=yaml"
        exportYAMLHref = isWebSocket ? nil : "/v2/apis/\(id)/exports/OAS30?outputType=YAML"
        exportJSONHref = isWebSocket ? nil : "/v2/apis/\(id)/exports/OAS30?outputType=JSON"
        // One reading of each integration's URI and one link to its reverse lookup, for the diagram,
        // the routes and the integrations alike, not one per route that targets it.
        let labels = snapshot.integrations.map(BackendLabel.init)
        let backends = Dictionary(
            zip(snapshot.integrations.map(\.id), labels), uniquingKeysWith: { a, _ in a })
        diagram = RouteDiagram(snapshot, backends: backends).svg()

        let integrationsByID = Dictionary(snapshot.integrations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lookups = backends.compactMapValues { label in
            label.lookup.map { HTMLText.link("/backends", [("target", $0)]) }
        }
        let authorizersByID = Dictionary(snapshot.authorizers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        routes = snapshot.routes.map { route in
            let integration = route.target.flatMap { integrationsByID[$0] }
            let backend = route.target.flatMap { backends[$0] }
            let authorizer = route.authorizerID.flatMap { authorizersByID[$0] }
            return RouteRow(
                routeID: route.id.rawValue, routeKey: route.routeKey.rawValue,
                operationName: route.operationName.flatMap { $0.isEmpty ? nil : $0 },
                authorization: Self.authorization(route.authorizationType), authorizerName: authorizer?.name,
                authorizerHref: authorizer.map { "#authorizer-\($0.id.rawValue)" },
                scopes: route.authorizationScopes.flatMap { $0.isEmpty ? nil : $0.joined(separator: ", ") },
                integrationID: integration?.id.rawValue,
                integrationHref: integration.map { "#integration-\($0.id.rawValue)" },
                backend: backend?.text,
                backendHref: route.target.flatMap { lookups[$0] },
                vpcLinkID: integration?.connectionID?.rawValue,
                vpcLinkHref: integration?.connectionID.map { "/vpclinks/\($0.rawValue)" })
        }
        hasRoutes = !routes.isEmpty
        routeCount = routes.count

        var routesPerIntegration: [IntegrationID: Int] = [:]
        var routesPerAuthorizer: [AuthorizerID: Int] = [:]
        for route in snapshot.routes {
            if let target = route.target { routesPerIntegration[target, default: 0] += 1 }
            if let authorizer = route.authorizerID { routesPerAuthorizer[authorizer, default: 0] += 1 }
        }
        integrations = zip(snapshot.integrations, labels).map { integration, backend in
            IntegrationRow(
                integrationID: integration.id.rawValue, integrationType: integration.integrationType.rawValue,
                subtype: integration.integrationSubtype, backendKind: backend.kind, backend: backend.text,
                backendHref: lookups[integration.id],
                vpcLinkID: integration.connectionID?.rawValue,
                vpcLinkHref: integration.connectionID.map { "/vpclinks/\($0.rawValue)" },
                routeCount: routesPerIntegration[integration.id] ?? 0)
        }
        hasIntegrations = !integrations.isEmpty
        integrationCount = integrations.count

        authorizers = snapshot.authorizers.map { authorizer in
            let function = authorizer.authorizerURI.map(BackendLabel.init(uri:))
            return AuthorizerRow(
                authorizerID: authorizer.id.rawValue, name: authorizer.name,
                authorizerType: authorizer.authorizerType.rawValue,
                identitySource: authorizer.identitySource.isEmpty
                    ? nil : authorizer.identitySource.joined(separator: ", "),
                issuer: authorizer.jwtConfiguration?.issuer,
                audience: authorizer.jwtConfiguration?.audience.flatMap {
                    $0.isEmpty ? nil : $0.joined(separator: ", ")
                },
                function: function?.text,
                functionHref: function?.lookup.map { HTMLText.link("/backends", [("target", $0)]) },
                routeCount: routesPerAuthorizer[authorizer.id] ?? 0)
        }
        hasAuthorizers = !authorizers.isEmpty
        authorizerCount = authorizers.count

        stages = snapshot.stages.map { stage in
            StageRow(
                name: stage.name.rawValue, anchor: HTMLText.percentEncoded(stage.name.rawValue),
                description: stage.description.flatMap { $0.isEmpty ? nil : $0 },
                deploymentID: stage.deploymentID?.rawValue,
                autoDeploy: stage.autoDeploy,
                mappings: snapshot.apiMappings.filter { $0.stage == stage.name }.map { mapping in
                    MappingCell(
                        domainName: mapping.domainName.rawValue, key: mapping.key.isEmpty ? nil : mapping.key,
                        href: "/domainnames/" + HTMLText.percentEncoded(mapping.domainName.rawValue))
                })
        }
        hasStages = !stages.isEmpty
        revisions = overview.revisions.items.map { ChangeView($0, apiID: api.id) }
        olderHref = overview.revisions.next.map {
            HTMLText.link("/apis/\(id)/revisions", [("nextToken", PageToken.encode($0))])
        }
    }

    /// How the route table names an authorization type.
    static func authorization(_ type: AuthorizationType) -> String {
        switch type {
        case .none: "none"
        case .awsIAM: "IAM"
        case .custom: "Lambda authorizer"
        case .jwt: "JWT"
        }
    }
}

extension APIPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "apiID": self.apiID
        case "name": self.name
        case "protocolType": self.protocolType
        case "isWebSocket": self.isWebSocket
        case "description": self.description
        case "endpoint": self.endpoint
        case "created": self.created
        case "createdISO": self.createdISO
        case "lastChange": self.lastChange
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "templateJSONHref": self.templateJSONHref
        case "templateYAMLHref": self.templateYAMLHref
        case "exportYAMLHref": self.exportYAMLHref
        case "exportJSONHref": self.exportJSONHref
        case "diagram": self.diagram
        case "routes": self.routes
        case "hasRoutes": self.hasRoutes
        case "routeCount": self.routeCount
        case "integrations": self.integrations
        case "hasIntegrations": self.hasIntegrations
        case "integrationCount": self.integrationCount
        case "authorizers": self.authorizers
        case "hasAuthorizers": self.hasAuthorizers
        case "authorizerCount": self.authorizerCount
        case "stages": self.stages
        case "hasStages": self.hasStages
        case "revisions": self.revisions
        case "olderHref": self.olderHref
        default: nil
        }
    }
}

extension APIPageView.RouteRow: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "routeID": self.routeID
        case "routeKey": self.routeKey
        case "operationName": self.operationName
        case "authorization": self.authorization
        case "authorizerName": self.authorizerName
        case "authorizerHref": self.authorizerHref
        case "scopes": self.scopes
        case "integrationID": self.integrationID
        case "integrationHref": self.integrationHref
        case "backend": self.backend
        case "backendHref": self.backendHref
        case "vpcLinkID": self.vpcLinkID
        case "vpcLinkHref": self.vpcLinkHref
        default: nil
        }
    }
}

extension APIPageView.IntegrationRow: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "integrationID": self.integrationID
        case "integrationType": self.integrationType
        case "subtype": self.subtype
        case "backendKind": self.backendKind
        case "backend": self.backend
        case "backendHref": self.backendHref
        case "vpcLinkID": self.vpcLinkID
        case "vpcLinkHref": self.vpcLinkHref
        case "routeCount": self.routeCount
        default: nil
        }
    }
}

extension APIPageView.AuthorizerRow: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "authorizerID": self.authorizerID
        case "name": self.name
        case "authorizerType": self.authorizerType
        case "identitySource": self.identitySource
        case "issuer": self.issuer
        case "audience": self.audience
        case "function": self.function
        case "functionHref": self.functionHref
        case "routeCount": self.routeCount
        default: nil
        }
    }
}

extension APIPageView.MappingCell: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "domainName": self.domainName
        case "key": self.key
        case "href": self.href
        default: nil
        }
    }
}

extension APIPageView.StageRow: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "anchor": self.anchor
        case "description": self.description
        case "deploymentID": self.deploymentID
        case "autoDeploy": self.autoDeploy
        case "mappings": self.mappings
        default: nil
        }
    }
}
