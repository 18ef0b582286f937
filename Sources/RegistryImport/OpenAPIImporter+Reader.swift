import Foundation
import RegistryDomain

extension OpenAPIImporter {
    /// How a security scheme authorizes the routes that name it.
    enum Scheme {
        /// `x-amazon-apigateway-authtype: awsSigv4`: IAM.
        case iam
        /// An `x-amazon-apigateway-authorizer` of this type.
        case authorizer(AuthorizerType)
        /// Anything else: HTTP APIs cannot use it.
        case unsupported
    }

    /// What a route's `security` resolves to.
    struct RouteSecurity {
        var authorizationType: AuthorizationType
        var authorizerName: String?
        var scopes: [String]?
    }

    /// The walk over one definition: what it has read so far.
    struct Reader {
        let root: DefinitionNode
        var authorizers: [ImportedAuthorizer] = []
        var integrations: [ImportedIntegration] = []
        var routes: [ImportedRoute] = []
        var warnings: [String] = []
        private var schemes: [String: Scheme] = [:]
        private var sharedIntegrations: Set<String> = []
        /// Shared integrations of a type HTTP APIs cannot use (already warned about).
        private var skippedSharedIntegrations: Set<String> = []
        /// Inline integrations by their content: an export writes a shared integration once per
        /// route, and importing it back must make it once.
        private var inlineIntegrations: [IntegrationInput: String] = [:]

        init(root: DefinitionNode) { self.root = root }

        /// `components.securitySchemes`: authorizers from `x-amazon-apigateway-authorizer`, IAM from
        /// `x-amazon-apigateway-authtype: awsSigv4`.
        mutating func readSecuritySchemes() throws(RegistryError) {
            guard let schemes = try root.object("components")?.object("securitySchemes")?.members else { return }
            for (name, scheme) in schemes {
                if try scheme.string("x-amazon-apigateway-authtype")?.lowercased() == "awssigv4" {
                    self.schemes[name] = .iam
                } else if let authorizer = try scheme.object("x-amazon-apigateway-authorizer") {
                    try readAuthorizer(named: name, authorizer)
                } else {
                    self.schemes[name] = .unsupported
                }
            }
        }

        private mutating func readAuthorizer(named name: String, _ node: DefinitionNode) throws(RegistryError) {
            let typeText = try node.string("type") ?? ""
            let type: AuthorizerType
            switch typeText.lowercased() {
            case "jwt": type = .jwt
            case "request": type = .request
            default:
                schemes[name] = .unsupported
                warnings.append(
                    "\(node.pointer)/type: HTTP APIs support only jwt and request authorizers; "
                        + "'\(typeText.prefix(32))' was not imported, and routes using \(name) have no authorization.")
                return
            }
            var input = AuthorizerInput(name: name, authorizerType: type)
            if let source = node.member("identitySource") {
                if source.items != nil {
                    input.identitySource = try node.strings("identitySource")
                } else {
                    // AWS writes several identity sources as one comma-separated string.
                    input.identitySource = try source.text().split(separator: ",").map {
                        $0.trimmingCharacters(in: .whitespaces)
                    }
                }
            } else if type == .request {
                input.identitySource = []
            }
            if let jwt = try node.object("jwtConfiguration") {
                input.jwtConfiguration = JWTConfiguration(
                    audience: try jwt.strings("audience"), issuer: try jwt.string("issuer"))
            }
            input.authorizerUri = try node.string("authorizerUri")
            input.authorizerPayloadFormatVersion = try node.string("authorizerPayloadFormatVersion")
            input.authorizerResultTtlInSeconds = try node.integer("authorizerResultTtlInSeconds")
            input.enableSimpleResponses = try node.boolean("enableSimpleResponses")
            input.authorizerCredentialsArn = try node.string("authorizerCredentials")
            input.identityValidationExpression = try node.string("identityValidationExpression")
            schemes[name] = .authorizer(type)
            authorizers.append(ImportedAuthorizer(pointer: node.pointer, input: input))
        }

        /// `components.x-amazon-apigateway-integrations`: integrations routes share by `$ref`.
        mutating func readSharedIntegrations() throws(RegistryError) {
            guard
                let shared = try root.object("components")?.object("x-amazon-apigateway-integrations")?.members
            else { return }
            for (name, node) in shared {
                guard let input = try integration(node) else {
                    skippedSharedIntegrations.insert(name)
                    continue
                }
                sharedIntegrations.insert(name)
                integrations.append(ImportedIntegration(key: "shared/" + name, pointer: node.pointer, input: input))
            }
        }

        /// An `x-amazon-apigateway-integration`, or `nil` (with a warning) for a type HTTP APIs
        /// cannot use.
        mutating func integration(_ node: DefinitionNode) throws(RegistryError) -> IntegrationInput? {
            guard node.isObject else { throw OpenAPIImporter.error(node.pointer, "must be an object.") }
            let typeText = try node.string("type") ?? ""
            guard let type = IntegrationType(rawValue: typeText.uppercased()) else {
                throw OpenAPIImporter.error(
                    DefinitionNode.pointer(node.pointer, "type"),
                    "unknown integration type '\(typeText.prefix(32))'; HTTP APIs use aws_proxy and http_proxy.")
            }
            guard type == .awsProxy || type == .httpProxy else {
                warnings.append(
                    "\(node.pointer)/type: HTTP APIs support only aws_proxy and http_proxy integrations; "
                        + "the \(typeText.prefix(32)) integration was not imported.")
                return nil
            }
            var input = IntegrationInput(integrationType: type)
            input.integrationUri = try node.string("uri")
            input.integrationMethod = try node.string("httpMethod")
            input.integrationSubtype = try node.string("integrationSubtype")
            if let connection = try node.string("connectionType") {
                guard let connectionType = ConnectionType(rawValue: connection.uppercased()) else {
                    throw OpenAPIImporter.error(
                        DefinitionNode.pointer(node.pointer, "connectionType"),
                        "unknown connectionType '\(connection.prefix(32))'; use INTERNET or VPC_LINK.")
                }
                input.connectionType = connectionType
            }
            input.connectionId = try node.string("connectionId")
            input.payloadFormatVersion = try node.string("payloadFormatVersion")
            input.timeoutInMillis = try node.integer("timeoutInMillis")
            input.description = try node.string("description")
            input.credentialsArn = try node.string("credentials")
            input.requestParameters = try node.stringMap("requestParameters")
            if let responses = try node.object("responseParameters")?.members {
                var parameters: [String: [String: String]] = [:]
                for (status, mapping) in responses {
                    guard let members = mapping.members else {
                        throw OpenAPIImporter.error(mapping.pointer, "must be an object of parameter mappings.")
                    }
                    var map: [String: String] = [:]
                    for (name, value) in members { map[name] = try value.text() }
                    parameters[status] = map
                }
                input.responseParameters = parameters
            }
            if let tls = try node.object("tlsConfig") {
                input.tlsConfig = TLSConfig(serverNameToVerify: try tls.string("serverNameToVerify"))
            }
            return input
        }

        /// The routes of one path item.
        mutating func readRoutes(
            path: String, item: DefinitionNode, prefix: String, defaultSecurity: RouteSecurity?
        ) throws(RegistryError) {
            guard item.isObject else { throw OpenAPIImporter.error(item.pointer, "must be a path item object.") }
            let isDefault = path == "$default" || path == "/$default"
            for (key, method) in OpenAPIImporter.methods {
                guard let operation = item.member(key) else { continue }
                guard operation.isObject else {
                    throw OpenAPIImporter.error(operation.pointer, "must be an operation object.")
                }
                let routeKey: String
                if isDefault {
                    guard method == "ANY" else {
                        warnings.append(
                            "\(operation.pointer): the $default route takes any method; define it under "
                                + "x-amazon-apigateway-any-method. The \(method) operation was not imported.")
                        continue
                    }
                    routeKey = "$default"
                } else {
                    routeKey = "\(method) \(prefix)\(path)"
                }
                var input = RouteInput(routeKey: routeKey, operationName: try operation.string("operationId"))
                let security = try self.security(operation.member("security")) ?? defaultSecurity
                var authorizerName: String?
                if let security {
                    input.authorizationType = security.authorizationType
                    input.authorizationScopes = security.scopes
                    authorizerName = security.authorizerName
                }
                let integrationKey = try routeIntegration(of: operation)
                routes.append(
                    ImportedRoute(
                        pointer: operation.pointer, input: input, integrationKey: integrationKey,
                        authorizerName: authorizerName))
            }
            if item.member("trace") != nil {
                warnings.append(
                    "\(DefinitionNode.pointer(item.pointer, "trace")): HTTP APIs have no TRACE routes; not imported.")
            }
        }

        /// The key of the integration an operation's `x-amazon-apigateway-integration` names: a
        /// shared one by `$ref`, or an inline one (equal inline integrations are one).
        private mutating func routeIntegration(of operation: DefinitionNode) throws(RegistryError) -> String? {
            guard let node = operation.member("x-amazon-apigateway-integration") else { return nil }
            if let reference = try node.string("$ref") {
                let prefix = "#/components/x-amazon-apigateway-integrations/"
                guard reference.hasPrefix(prefix) else {
                    throw OpenAPIImporter.error(
                        DefinitionNode.pointer(node.pointer, "$ref"),
                        "an integration reference must point into \(prefix.dropLast()), not '\(reference.prefix(128))'."
                    )
                }
                let name = String(reference.dropFirst(prefix.count))
                    .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                guard sharedIntegrations.contains(name) else {
                    if skippedSharedIntegrations.contains(name) { return nil }
                    throw OpenAPIImporter.error(
                        DefinitionNode.pointer(node.pointer, "$ref"),
                        "no shared integration named '\(name.prefix(128))'.")
                }
                return "shared/" + name
            }
            guard let input = try integration(node) else { return nil }
            if let key = inlineIntegrations[input] { return key }
            inlineIntegrations[input] = node.pointer
            integrations.append(ImportedIntegration(key: node.pointer, pointer: node.pointer, input: input))
            return node.pointer
        }

        /// What a `security` member (a list of requirement objects) gives a route; `nil` when absent.
        mutating func security(_ node: DefinitionNode?) throws(RegistryError) -> RouteSecurity? {
            guard let node else { return nil }
            guard let requirements = node.items else {
                throw OpenAPIImporter.error(node.pointer, "must be a list of security requirement objects.")
            }
            guard let first = requirements.first else { return RouteSecurity(authorizationType: .none) }
            guard let entries = first.members else {
                throw OpenAPIImporter.error(first.pointer, "must be a security requirement object.")
            }
            if requirements.count > 1 || entries.count > 1 {
                warnings.append(
                    "\(node.pointer): HTTP APIs use one security requirement per route; only the first is imported.")
            }
            guard let (name, scopesNode) = entries.first else { return RouteSecurity(authorizationType: .none) }
            var scopes: [String] = []
            if let items = scopesNode.items {
                for item in items { scopes.append(try item.text()) }
            }
            switch schemes[name] {
            case .iam?: return RouteSecurity(authorizationType: .awsIAM)
            case .authorizer(.jwt)?:
                return RouteSecurity(
                    authorizationType: .jwt, authorizerName: name, scopes: scopes.isEmpty ? nil : scopes)
            case .authorizer(.request)?:
                return RouteSecurity(authorizationType: .custom, authorizerName: name)
            case .unsupported?:
                warnings.append(
                    "\(first.pointer): security scheme \(name) is not one HTTP APIs can use; the route has no authorization."
                )
                return RouteSecurity(authorizationType: .none)
            case nil:
                throw OpenAPIImporter.error(
                    DefinitionNode.pointer(first.pointer, name),
                    "no security scheme named '\(name.prefix(128))' in components.securitySchemes.")
            }
        }
    }
}
