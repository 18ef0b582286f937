import Foundation
public import RegistryDomain

/// Reads an OpenAPI 3.0 definition of an HTTP API (JSON or YAML) as API Gateway's ImportApi does
/// ("Working with OpenAPI definitions for HTTP APIs") into an ``APIImportPlan``: the API's `info`,
/// tags, CORS, authorizers from `securitySchemes`, shared and inline integrations and one route per
/// operation. A pure function of the text.
///
/// What it finds falls in AWS's three kinds: what HTTP APIs do not use (request bodies, responses,
/// schemas, REST-only integration settings) is ignored; what can be imported only in part is a
/// warning in the plan; what cannot be imported at all is a ``RegistryError/Code/badRequest``
/// naming its place in the document as a JSON pointer.
public struct OpenAPIImporter: Sendable {
    /// The methods an operation may have, as path-item keys, and the route key's method for each.
    static let methods: [(key: String, method: String)] = [
        ("get", "GET"), ("put", "PUT"), ("post", "POST"), ("delete", "DELETE"), ("options", "OPTIONS"),
        ("head", "HEAD"), ("patch", "PATCH"), ("x-amazon-apigateway-any-method", "ANY"),
    ]

    /// Creates an importer.
    public init() {}

    /// The plan for `text`.
    /// - Throws: ``RegistryError/Code/badRequest`` ("Errors found during import: <pointer>: …") for
    ///   text that is not a JSON or YAML object, a Swagger 2.0 or other non-3.0 definition, a missing
    ///   `info.title`, and a member of the wrong type or a reference to nothing.
    public func plan(_ text: String, basePath: BasePathMode = .ignore) throws(RegistryError) -> APIImportPlan {
        let root = try DefinitionNode.root(parsing: text)
        try Self.checkVersion(of: root)
        var reader = Reader(root: root)
        let info = try root.object("info")
        guard let info, let title = try info.string("title") else {
            throw Self.error("/info/title", "an HTTP API needs a name: the definition has no info.title.")
        }
        var api = APIInput(
            name: title, protocolType: .http, description: try info.string("description"),
            version: try info.string("version"))
        api.corsConfiguration = try Self.cors(root.object("x-amazon-apigateway-cors"))
        api.tags = try Self.tags(of: root)
        try reader.readSecuritySchemes()
        try reader.readSharedIntegrations()
        let prefix = try Self.pathPrefix(of: root, mode: basePath)
        let defaultSecurity = try reader.security(root.member("security"))
        if let paths = try root.object("paths"), let members = paths.members {
            for (path, item) in members {
                try reader.readRoutes(path: path, item: item, prefix: prefix, defaultSecurity: defaultSecurity)
            }
        }
        return APIImportPlan(
            api: api, authorizers: reader.authorizers, integrations: reader.integrations, routes: reader.routes,
            warnings: reader.warnings)
    }

    /// A refusal naming its place in the definition.
    static func error(_ pointer: String, _ message: String) -> RegistryError {
        .badRequest("Errors found during import: \(pointer.isEmpty ? "/" : pointer): \(message)")
    }

    private static func checkVersion(of root: DefinitionNode) throws(RegistryError) {
        if let swagger = try root.string("swagger") {
            throw error(
                "/swagger",
                "Swagger \(swagger.prefix(16)) definitions cannot be imported into an HTTP API; use OpenAPI 3.0.")
        }
        guard let version = try root.string("openapi") else {
            throw error("/openapi", "the definition names no OpenAPI version; HTTP APIs import OpenAPI 3.0.")
        }
        guard version.hasPrefix("3.0") else {
            throw error("/openapi", "OpenAPI \(version.prefix(16)) cannot be imported; HTTP APIs import OpenAPI 3.0.")
        }
    }

    /// `x-amazon-apigateway-cors`.
    static func cors(_ node: DefinitionNode?) throws(RegistryError) -> CorsConfiguration? {
        guard let node else { return nil }
        return CorsConfiguration(
            allowCredentials: try node.boolean("allowCredentials"), allowHeaders: try node.strings("allowHeaders"),
            allowMethods: try node.strings("allowMethods"), allowOrigins: try node.strings("allowOrigins"),
            exposeHeaders: try node.strings("exposeHeaders"), maxAge: try node.integer("maxAge"))
    }

    /// The root `tags` with `x-amazon-apigateway-tag-value` (a tag without one has the empty value,
    /// as AWS makes it).
    static func tags(of root: DefinitionNode) throws(RegistryError) -> Tags? {
        guard let list = root.member("tags") else { return nil }
        guard let items = list.items else { throw error(list.pointer, "must be a list of tag objects.") }
        var tags: Tags = [:]
        for item in items {
            guard let name = try item.string("name") else { throw error(item.pointer, "a tag needs a name.") }
            tags[name] = try item.string("x-amazon-apigateway-tag-value") ?? ""
        }
        return tags.isEmpty ? nil : tags
    }

    /// What `basepath` puts in front of every path: the path of the first server's URL (its
    /// variables replaced by their defaults), whole for `prepend`, without its first segment for
    /// `split`, nothing for `ignore`.
    static func pathPrefix(of root: DefinitionNode, mode: BasePathMode) throws(RegistryError) -> String {
        guard mode != .ignore, let servers = root.member("servers")?.items, let server = servers.first,
            var url = try server.string("url")
        else { return "" }
        if let variables = try server.object("variables")?.members {
            for (name, variable) in variables {
                url = url.replacingOccurrences(of: "{\(name)}", with: try variable.string("default") ?? "")
            }
        }
        var path = Substring(url)
        if let scheme = path.range(of: "://") {
            path = path[scheme.upperBound...]
            path = path.firstIndex(of: "/").map { path[$0...] } ?? ""
        }
        var segments = path.split(separator: "/").map(String.init)
        if mode == .split, !segments.isEmpty { segments.removeFirst() }
        return segments.isEmpty ? "" : "/" + segments.joined(separator: "/")
    }
}
