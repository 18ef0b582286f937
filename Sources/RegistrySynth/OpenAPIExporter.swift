public import RegistryDomain

/// Exports an HTTP API as API Gateway's ExportApi does: an OpenAPI 3.0.1 document with one
/// operation per route and, optionally, the `x-amazon-apigateway-*` extensions that let API
/// Gateway import it again. A pure function of the snapshot.
public struct OpenAPIExporter: Sendable {
    /// Creates an exporter.
    public init() {}

    /// The document for `snapshot`.
    /// - Throws: ``RegistryError/Code/badRequest`` for a WebSocket API (AWS exports HTTP APIs only).
    public func export(
        _ snapshot: APISnapshot, options: OpenAPIExportOptions = OpenAPIExportOptions()
    )
        throws(RegistryError) -> TemplateValue
    {
        let api = snapshot.api
        guard api.protocolType == .http else {
            throw .badRequest("Exporting WebSocket APIs is not supported; only HTTP APIs can be exported.")
        }
        let extensions = options.includeExtensions
        let integrations = Dictionary(
            snapshot.integrations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let authorizers = Dictionary(snapshot.authorizers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var paths: [String: [String: TemplateValue]] = [:]
        for route in snapshot.routes {
            // `$default` and `ANY` exist in OpenAPI only through API Gateway's extensions.
            if !extensions && (route.routeKey.isDefault || route.routeKey.method == "ANY") { continue }
            let path = route.routeKey.path ?? "/$default"
            let method =
                route.routeKey.method.map { $0 == "ANY" ? "x-amazon-apigateway-any-method" : $0.lowercased() }
                ?? "x-amazon-apigateway-any-method"
            var operation: [String: TemplateValue] = [
                "responses": .map([
                    "default": .map(["description": .string("Default response for \(route.routeKey.rawValue)")])
                ])
            ]
            if let name = route.operationName { operation["operationId"] = .string(name) }
            if extensions {
                if route.routeKey.isDefault { operation["isDefaultRoute"] = .boolean(true) }
                if let integration = route.target.flatMap({ integrations[$0] }) {
                    operation["x-amazon-apigateway-integration"] = Self.integrationExtension(integration)
                }
                if let security = Self.security(of: route, authorizers: authorizers) {
                    operation["security"] = security
                }
            }
            var item = paths[path] ?? [:]
            item[method] = .map(operation)
            let parameters = Self.pathParameters(path)
            if !parameters.isEmpty { item["parameters"] = .list(parameters) }
            paths[path] = item
        }
        var document: [String: TemplateValue] = [
            "openapi": .string("3.0.1"),
            "info": .map(
                [
                    "title": .string(api.name),
                    "version": .string(api.version ?? Self.versionLabel(api.createdDate)),
                    "description": api.description.map(TemplateValue.string),
                ].compactMapValues { $0 }),
            "servers": .list([Self.server(api, options: options)]),
            "paths": .map(paths.mapValues(TemplateValue.map)),
        ]
        if extensions {
            document["x-amazon-apigateway-importexport-version"] = .string("1.0")
            if let cors = api.corsConfiguration {
                document["x-amazon-apigateway-cors"] = Self.corsExtension(cors)
            }
            let schemes = Self.securitySchemes(snapshot)
            if !schemes.isEmpty { document["components"] = .map(["securitySchemes": .map(schemes)]) }
        }
        return .map(document)
    }

    /// AWS's version label for an API that names none: its creation time, `2026-11-24 16:44:44UTC`.
    static func versionLabel(_ timestamp: Timestamp) -> String {
        let time = timestamp.utc
        return "\(time.year.zeroPadded(4))-\(time.month.zeroPadded(2))-\(time.day.zeroPadded(2)) "
            + "\(time.hour.zeroPadded(2)):\(time.minute.zeroPadded(2)):\(time.second.zeroPadded(2))UTC"
    }

    static func server(_ api: API, options: OpenAPIExportOptions) -> TemplateValue {
        let basePath = options.stage.map { $0 == .defaultStage ? "" : $0.rawValue } ?? ""
        return .map([
            "url": .string(api.endpoint(region: options.region) + "/{basePath}"),
            "variables": .map(["basePath": .map(["default": .string(basePath)])]),
        ])
    }

    /// The path parameters a path template declares (`{id}`, and `{proxy+}` as `proxy+`).
    static func pathParameters(_ path: String) -> [TemplateValue] {
        path.split(separator: "/").compactMap { segment -> TemplateValue? in
            guard segment.first == "{", segment.last == "}" else { return nil }
            let name = String(segment.dropFirst().dropLast())
            return .map([
                "name": .string(name), "in": .string("path"), "required": .boolean(true),
                "description": .string("Generated path parameter for \(name)"),
                "schema": .map(["type": .string("string")]),
            ])
        }
    }

    static func integrationExtension(_ integration: Integration) -> TemplateValue {
        .map(
            [
                "type": .string(integration.integrationType.rawValue.lowercased()),
                "uri": integration.integrationURI.map(TemplateValue.string),
                "httpMethod": integration.integrationMethod.map(TemplateValue.string),
                "payloadFormatVersion": integration.payloadFormatVersion.map(TemplateValue.string),
                "connectionType": .string(integration.connectionType.rawValue),
                "connectionId": integration.connectionID.map { .string($0.rawValue) },
                "timeoutInMillis": .integer(integration.timeoutInMillis),
                "tlsConfig": integration.tlsConfig?.serverNameToVerify.map {
                    .map(["serverNameToVerify": .string($0)])
                },
                "credentials": integration.credentialsArn.map(TemplateValue.string),
                "integrationSubtype": integration.integrationSubtype.map(TemplateValue.string),
                "requestParameters": integration.requestParameters.map(TemplateValue.strings),
                "responseParameters": integration.responseParameters.map { .map($0.mapValues(TemplateValue.strings)) },
            ].compactMapValues { $0 })
    }

    static func security(of route: Route, authorizers: [AuthorizerID: Authorizer]) -> TemplateValue? {
        switch route.authorizationType {
        case .none: return nil
        case .awsIAM: return .list([.map(["sigv4": .list([])])])
        case .jwt, .custom:
            guard let authorizer = route.authorizerID.flatMap({ authorizers[$0] }) else { return nil }
            return .list([.map([authorizer.name: .strings(route.authorizationScopes ?? [])])])
        }
    }

    static func securitySchemes(_ snapshot: APISnapshot) -> [String: TemplateValue] {
        var schemes: [String: TemplateValue] = [:]
        if snapshot.routes.contains(where: { $0.authorizationType == .awsIAM }) {
            schemes["sigv4"] = .map([
                "type": .string("apiKey"), "name": .string("Authorization"), "in": .string("header"),
                "x-amazon-apigateway-authtype": .string("awsSigv4"),
            ])
        }
        for authorizer in snapshot.authorizers {
            var extensionValue: [String: TemplateValue?] = [
                "type": .string(authorizer.authorizerType.rawValue.lowercased()),
                "identitySource": .string(authorizer.identitySource.joined(separator: ", ")),
                "authorizerUri": authorizer.authorizerURI.map(TemplateValue.string),
                "authorizerPayloadFormatVersion": authorizer.authorizerPayloadFormatVersion.map(TemplateValue.string),
                "authorizerResultTtlInSeconds": authorizer.authorizerResultTTLInSeconds.map(TemplateValue.integer),
                "enableSimpleResponses": authorizer.enableSimpleResponses.map(TemplateValue.boolean),
                "authorizerCredentials": authorizer.authorizerCredentialsArn.map(TemplateValue.string),
            ]
            if let jwt = authorizer.jwtConfiguration {
                extensionValue["jwtConfiguration"] = .map(
                    [
                        "issuer": jwt.issuer.map(TemplateValue.string),
                        "audience": jwt.audience.map(TemplateValue.strings),
                    ].compactMapValues { $0 })
            }
            let scheme: [String: TemplateValue] =
                authorizer.authorizerType == .jwt
                ? ["type": .string("oauth2"), "flows": .map([:])]
                : ["type": .string("apiKey"), "name": .string("Unused"), "in": .string("header")]
            schemes[authorizer.name] = .map(
                scheme.merging(["x-amazon-apigateway-authorizer": .map(extensionValue.compactMapValues { $0 })]) { $1 })
        }
        return schemes
    }

    static func corsExtension(_ cors: CorsConfiguration) -> TemplateValue {
        .map(
            [
                "allowCredentials": cors.allowCredentials.map(TemplateValue.boolean),
                "allowHeaders": cors.allowHeaders.map(TemplateValue.strings),
                "allowMethods": cors.allowMethods.map(TemplateValue.strings),
                "allowOrigins": cors.allowOrigins.map(TemplateValue.strings),
                "exposeHeaders": cors.exposeHeaders.map(TemplateValue.strings),
                "maxAge": cors.maxAge.map(TemplateValue.integer),
            ].compactMapValues { $0 })
    }
}
