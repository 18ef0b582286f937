import RegistryDomain

/// The API page's diagram, made on the server as inline SVG: routes grouped by the integration
/// they target, each integration to its backend (through its VPC link). Routes are grouped so a
/// 300-route API stays legible: a group shows its first few route keys and how many more.
///
/// Two drawings of the same graph: a wide one (three columns; a backend several integrations reach
/// is drawn once) and a narrow one for phones (each group stacked top to bottom); the stylesheet
/// shows one. The output depends only on the snapshot (creation order throughout), so the same API
/// always draws the same bytes. Every text is escaped here (``HTMLText/escape(_:)``): the template
/// inserts the SVG as it is.
struct RouteDiagram {
    /// Routes targeting one integration (`nil`: routes without a target).
    struct Group {
        let integration: Integration?
        /// What the integration reaches.
        let backend: BackendLabel?
        let routes: [Route]
    }

    /// The groups, integrations in creation order, then the routes without a target.
    let groups: [Group]
    /// The API's VPC links by id, for their names.
    let vpcLinks: [VpcLinkID: VpcLink]

    /// The most route keys a group lists before "and N more".
    static let routesShown = 4

    /// The diagram of `snapshot`, whose integrations reach `backends`.
    init(_ snapshot: APISnapshot, backends: [IntegrationID: BackendLabel]) {
        var byIntegration: [IntegrationID: [Route]] = [:]
        var untargeted: [Route] = []
        for route in snapshot.routes {
            if let target = route.target {
                byIntegration[target, default: []].append(route)
            } else {
                untargeted.append(route)
            }
        }
        var groups = snapshot.integrations.map {
            Group(integration: $0, backend: backends[$0.id], routes: byIntegration[$0.id] ?? [])
        }
        if !untargeted.isEmpty { groups.append(Group(integration: nil, backend: nil, routes: untargeted)) }
        self.groups = groups
        vpcLinks = Dictionary(snapshot.vpcLinks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Both drawings, wide then narrow.
    func svg() -> String { wide() + narrow() }

    // MARK: - Drawing

    private static let lineHeight = 17
    private static let nodeHeight = 46

    private func routeLines(_ group: Group) -> [String] {
        let count = group.routes.count
        var lines = [count == 0 ? "no routes" : count == 1 ? "1 route" : "\(count) routes"]
        lines += group.routes.prefix(Self.routesShown).map { $0.routeKey.rawValue }
        if count > Self.routesShown { lines.append("and \(count - Self.routesShown) more") }
        return lines
    }

    private func routesHeight(_ group: Group) -> Int { 12 + Self.lineHeight * routeLines(group).count }

    /// The routes box: a heading, then route keys in monospace.
    private func routesNode(_ group: Group, x: Int, y: Int, width: Int, characters: Int) -> String {
        let lines = routeLines(group)
        var svg =
            "<g class=\"node routes\"><rect class=\"routes\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" "
            + "height=\"\(routesHeight(group))\" rx=\"6\"/>"
        let moreLine = group.routes.count > Self.routesShown ? lines.count - 1 : nil
        for (index, line) in lines.enumerated() {
            let cls = index == 0 ? "head" : index == moreLine ? "small" : "key"
            svg +=
                "<text x=\"\(x + 10)\" y=\"\(y + 20 + index * Self.lineHeight)\" class=\"\(cls)\">"
                + HTMLText.escape(HTMLText.truncated(line, characters)) + "</text>"
        }
        return svg + "</g>"
    }

    private func integrationNode(_ group: Group, x: Int, y: Int, width: Int) -> String {
        guard let integration = group.integration else {
            return "<g class=\"node integration\" data-integration=\"none\"><rect class=\"integration\" x=\"\(x)\" "
                + "y=\"\(y)\" width=\"\(width)\" height=\"\(Self.nodeHeight)\" rx=\"6\"/><text x=\"\(x + 10)\" "
                + "y=\"\(y + 28)\" class=\"head\">no integration</text></g>"
        }
        let id = HTMLText.escape(integration.id.rawValue)
        return "<a href=\"#integration-\(id)\"><g class=\"node integration\" data-integration=\"\(id)\">"
            + "<rect class=\"integration\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(Self.nodeHeight)\" rx=\"6\"/>"
            + "<text x=\"\(x + 10)\" y=\"\(y + 19)\" class=\"head\">integration \(id)</text>"
            + "<text x=\"\(x + 10)\" y=\"\(y + 36)\" class=\"small\">"
            + HTMLText.escape(integration.integrationType.rawValue) + "</text></g></a>"
    }

    private func backendHeight(_ integration: Integration) -> Int {
        integration.connectionID == nil ? Self.nodeHeight : Self.nodeHeight + Self.lineHeight
    }

    private func backendNode(
        _ integration: Integration, _ label: BackendLabel, x: Int, y: Int, width: Int, characters: Int
    ) -> String {
        var svg =
            "<g class=\"node backend\" data-backend=\"\(HTMLText.escape(label.text))\">"
            + "<title>\(HTMLText.escape(label.text))</title>"
            + "<rect class=\"backend\" x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(backendHeight(integration))\" rx=\"6\"/>"
            + "<text x=\"\(x + 10)\" y=\"\(y + 19)\" class=\"small\">\(HTMLText.escape(label.kind))</text>"
            + "<text x=\"\(x + 10)\" y=\"\(y + 36)\" class=\"head\">"
            + HTMLText.escape(HTMLText.truncated(label.short, characters)) + "</text>"
        if let link = integration.connectionID {
            let name = vpcLinks[link].map { " (\($0.name))" } ?? ""
            svg +=
                "<text x=\"\(x + 10)\" y=\"\(y + 53)\" class=\"small\">"
                + HTMLText.escape(HTMLText.truncated("through VPC link \(link.rawValue)\(name)", characters + 6))
                + "</text>"
        }
        svg += "</g>"
        guard let lookup = label.lookup else { return svg }
        return "<a href=\"" + HTMLText.escape(HTMLText.link("/backends", [("target", lookup)])) + "\">" + svg + "</a>"
    }

    private func edge(from: (x: Int, y: Int), to: (x: Int, y: Int)) -> String {
        let middle = (from.x + to.x) / 2
        return
            "<path class=\"edge\" d=\"M\(from.x) \(from.y) C\(middle) \(from.y) \(middle) \(to.y) \(to.x) \(to.y)\"/>"
    }

    private func downward(x: Int, from top: Int, to bottom: Int) -> String {
        "<path class=\"edge\" d=\"M\(x) \(top) L\(x) \(bottom)\"/>"
    }

    /// Three columns: routes, integrations, backends. A backend two integrations reach (the same
    /// text through the same VPC link) is drawn once, at its first integration's row.
    private func wide() -> String {
        let width = 860
        let (routesX, routesWidth) = (10, 330)
        let (integrationX, integrationWidth) = (380, 190)
        let (backendX, backendWidth) = (610, 240)
        var nodes = ""
        var edges = ""
        var backends: [String: (y: Int, height: Int)] = [:]
        var y = 10
        for group in groups {
            let routesHeight = routesHeight(group)
            let rowHeight = max(routesHeight, Self.nodeHeight + Self.lineHeight)
            let integrationY = y + (rowHeight - Self.nodeHeight) / 2
            nodes += routesNode(group, x: routesX, y: y, width: routesWidth, characters: 44)
            nodes += integrationNode(group, x: integrationX, y: integrationY, width: integrationWidth)
            edges += edge(
                from: (routesX + routesWidth, y + routesHeight / 2),
                to: (integrationX, integrationY + Self.nodeHeight / 2))
            if let integration = group.integration, let backend = group.backend {
                let key = backend.text + "|" + (integration.connectionID?.rawValue ?? "")
                let placed: (y: Int, height: Int)
                if let existing = backends[key] {
                    placed = existing
                } else {
                    placed = (integrationY, backendHeight(integration))
                    backends[key] = placed
                    nodes += backendNode(
                        integration, backend, x: backendX, y: placed.y, width: backendWidth, characters: 30)
                }
                edges += edge(
                    from: (integrationX + integrationWidth, integrationY + Self.nodeHeight / 2),
                    to: (backendX, placed.y + placed.height / 2))
            }
            y += rowHeight + 18
        }
        return "<svg class=\"wide\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(y)\" role=\"img\" "
            + "aria-label=\"Routes grouped by integration, to their backends\">" + edges + nodes + "</svg>"
    }

    /// One column for phones: each group's routes, integration and backend, top to bottom.
    private func narrow() -> String {
        let width = 360
        let (x, nodeWidth) = (10, 340)
        var svg = ""
        var y = 10
        for group in groups {
            let routesHeight = routesHeight(group)
            svg += routesNode(group, x: x, y: y, width: nodeWidth, characters: 44)
            y += routesHeight
            svg += downward(x: width / 2, from: y, to: y + 16)
            y += 16
            svg += integrationNode(group, x: x, y: y, width: nodeWidth)
            y += Self.nodeHeight
            if let integration = group.integration, let backend = group.backend {
                svg += downward(x: width / 2, from: y, to: y + 16)
                y += 16
                svg += backendNode(integration, backend, x: x, y: y, width: nodeWidth, characters: 44)
                y += backendHeight(integration)
            }
            y += 28
        }
        return "<svg class=\"narrow\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(y)\" role=\"img\" "
            + "aria-label=\"Routes grouped by integration, to their backends\">" + svg + "</svg>"
    }
}
