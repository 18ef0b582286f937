import Mustache
import RegistryDomain

/// One use of a backend as the backends and VPC link pages show it.
struct BackendUseView {
    /// A route through the use, linking to its row on the API's page.
    struct RouteLink {
        let routeKey: String
        let href: String
    }

    let apiID: String
    let apiName: String
    let apiHref: String
    let protocolType: String
    let isWebSocket: Bool
    let through: String
    let throughID: String
    let throughHref: String
    let detail: String?
    let routes: [RouteLink]

    /// The view of `use`.
    init(_ use: BackendUse) {
        let id = use.api.id.rawValue
        apiID = id
        apiName = use.api.name
        apiHref = "/apis/\(id)"
        protocolType = use.api.protocolType.rawValue
        isWebSocket = use.api.protocolType == .websocket
        if let integration = use.integration {
            through = "integration"
            throughID = integration.id.rawValue
            throughHref = "/apis/\(id)#integration-\(integration.id.rawValue)"
            detail = integration.integrationURI
        } else {
            through = "authorizer"
            throughID = use.authorizer?.name ?? ""
            throughHref = "/apis/\(id)#authorizer-\(use.authorizer?.id.rawValue ?? "")"
            detail = nil
        }
        routes = use.routes.map {
            RouteLink(routeKey: $0.routeKey.rawValue, href: "/apis/\(id)#route-\($0.id.rawValue)")
        }
    }
}

extension BackendUseView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "apiID": self.apiID
        case "apiName": self.apiName
        case "apiHref": self.apiHref
        case "protocolType": self.protocolType
        case "isWebSocket": self.isWebSocket
        case "through": self.through
        case "throughID": self.throughID
        case "throughHref": self.throughHref
        case "detail": self.detail
        case "routes": self.routes
        default: nil
        }
    }
}

extension BackendUseView.RouteLink: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "routeKey": self.routeKey
        case "href": self.href
        default: nil
        }
    }
}
