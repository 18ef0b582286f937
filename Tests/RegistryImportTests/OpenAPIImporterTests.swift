import RegistryDomain
import RegistryImport
import RegistrySynth
import Testing

/// OpenAPI 3.0 definitions read as API Gateway's ImportApi reads them for HTTP APIs.
@Suite("OpenAPI import")
struct OpenAPIImporterTests {
    static let lambda = "arn:aws:lambda:us-east-1:123456789012:function:orders"

    /// A definition using every extension HTTP APIs import.
    static let definition = """
        openapi: 3.0.1
        info:
          title: orders
          description: The orders service
          version: '2026-12-01'
        tags:
          - name: team
            x-amazon-apigateway-tag-value: payments
          - name: internal
        x-amazon-apigateway-importexport-version: '1.0'
        x-amazon-apigateway-cors:
          allowOrigins: ['https://example.com']
          allowMethods: [GET, POST]
          maxAge: 300
          allowCredentials: true
        security:
          - sigv4: []
        paths:
          /orders:
            get:
              operationId: listOrders
              security:
                - jwt: [orders.read]
              x-amazon-apigateway-integration:
                $ref: '#/components/x-amazon-apigateway-integrations/orders'
              responses:
                default: {description: ok}
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Order'}
              x-amazon-apigateway-integration:
                $ref: '#/components/x-amazon-apigateway-integrations/orders'
          /orders/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            delete:
              security: []
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: DELETE
                uri: https://orders.example.com/{id}
                payloadFormatVersion: '1.0'
                timeoutInMillis: 5000
                requestParameters:
                  overwrite:path: $request.path.id
          /files/{proxy+}:
            x-amazon-apigateway-any-method:
              security:
                - custom: []
              x-amazon-apigateway-integration:
                type: aws_proxy
                uri: \(lambda)
                payloadFormatVersion: '2.0'
          /health:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: DELETE
                uri: https://orders.example.com/{id}
                payloadFormatVersion: '1.0'
                timeoutInMillis: 5000
                requestParameters:
                  overwrite:path: $request.path.id
          $default:
            x-amazon-apigateway-any-method:
              isDefaultRoute: true
              x-amazon-apigateway-integration:
                type: aws_proxy
                uri: \(lambda)
                payloadFormatVersion: '2.0'
        components:
          schemas:
            Order: {type: object}
          securitySchemes:
            sigv4:
              type: apiKey
              name: Authorization
              in: header
              x-amazon-apigateway-authtype: awsSigv4
            jwt:
              type: oauth2
              flows: {}
              x-amazon-apigateway-authorizer:
                type: jwt
                identitySource: $request.header.Authorization
                jwtConfiguration:
                  issuer: https://issuer.example.com
                  audience: [orders]
            custom:
              type: apiKey
              name: Unused
              in: header
              x-amazon-apigateway-authorizer:
                type: request
                identitySource: $request.header.X-Token, $request.querystring.token
                authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/\(lambda)/invocations
                authorizerPayloadFormatVersion: '2.0'
                enableSimpleResponses: true
                authorizerResultTtlInSeconds: 60
          x-amazon-apigateway-integrations:
            orders:
              type: aws_proxy
              uri: \(lambda)
              payloadFormatVersion: '2.0'
              timeoutInMillis: 10000
        """

    @Test("every extension HTTP APIs use becomes the API's members, authorizers, integrations and routes")
    func readsEveryExtension() throws {
        let plan = try OpenAPIImporter().plan(Self.definition)
        #expect(plan.api.name == "orders" && plan.api.description == "The orders service")
        #expect(plan.api.version == "2026-12-01" && plan.api.protocolType == .http)
        #expect(plan.api.tags == ["team": "payments", "internal": ""])
        #expect(
            plan.api.corsConfiguration
                == CorsConfiguration(
                    allowCredentials: true, allowMethods: ["GET", "POST"], allowOrigins: ["https://example.com"],
                    maxAge: 300))
        #expect(plan.authorizers.map(\.input.name) == ["jwt", "custom"])
        let jwt = try #require(plan.authorizers.first?.input)
        #expect(jwt.authorizerType == .jwt && jwt.identitySource == ["$request.header.Authorization"])
        #expect(jwt.jwtConfiguration == JWTConfiguration(audience: ["orders"], issuer: "https://issuer.example.com"))
        let custom = try #require(plan.authorizers.last?.input)
        #expect(custom.identitySource == ["$request.header.X-Token", "$request.querystring.token"])
        #expect(custom.enableSimpleResponses == true && custom.authorizerResultTtlInSeconds == 60)
        #expect(
            plan.routes.map(\.input.routeKey)
                == [
                    "GET /orders", "POST /orders", "DELETE /orders/{id}", "ANY /files/{proxy+}", "GET /health",
                    "$default",
                ])
        // One shared integration, one HTTP proxy written twice inline (made once), one Lambda inline twice.
        #expect(plan.integrations.count == 3)
        #expect(plan.routes[0].integrationKey == "shared/orders" && plan.routes[1].integrationKey == "shared/orders")
        #expect(plan.routes[2].integrationKey == plan.routes[4].integrationKey)
        #expect(plan.routes[3].integrationKey == plan.routes[5].integrationKey)
        let proxy = try #require(plan.integrations.first { $0.key == plan.routes[2].integrationKey }?.input)
        #expect(proxy.integrationType == .httpProxy && proxy.integrationMethod == "DELETE")
        #expect(proxy.timeoutInMillis == 5000 && proxy.requestParameters == ["overwrite:path": "$request.path.id"])
        #expect(plan.routes[0].input.authorizationType == .jwt && plan.routes[0].authorizerName == "jwt")
        #expect(plan.routes[0].input.authorizationScopes == ["orders.read"])
        #expect(plan.routes[0].input.operationName == "listOrders")
        #expect(plan.routes[1].input.authorizationType == .awsIAM, "the document's security applies")
        #expect(plan.routes[2].input.authorizationType == AuthorizationType.none, "security: [] opts out")
        #expect(plan.routes[3].input.authorizationType == .custom && plan.routes[3].authorizerName == "custom")
        #expect(plan.routes[0].pointer == "/paths/~1orders/get")
        #expect(plan.warnings.isEmpty)
    }

    @Test("JSON reads as YAML does")
    func json() throws {
        let json = """
            {"openapi": "3.0.1", "info": {"title": "pets", "version": "1"},
             "paths": {"/pets": {"get": {"x-amazon-apigateway-integration": {
               "type": "AWS_PROXY", "uri": "\(Self.lambda)", "payloadFormatVersion": "2.0"}}}}}
            """
        let plan = try OpenAPIImporter().plan(json)
        #expect(plan.api.name == "pets" && plan.routes.map(\.input.routeKey) == ["GET /pets"])
        #expect(plan.integrations.first?.input.integrationType == .awsProxy)
    }

    @Test(
        "basepath: ignore, prepend or split the path of the first server's URL",
        arguments: [
            (BasePathMode.ignore, "GET /pets"), (.prepend, "GET /v1/shop/pets"), (.split, "GET /shop/pets"),
        ])
    func basePath(mode: BasePathMode, key: String) throws {
        let text = """
            openapi: 3.0.1
            info: {title: pets}
            servers:
              - url: https://api.example.com/{basePath}
                variables:
                  basePath: {default: v1/shop}
            paths:
              /pets:
                get: {}
            """
        #expect(try OpenAPIImporter().plan(text, basePath: mode).routes.map(\.input.routeKey) == [key])
    }

    @Test(
        "what cannot be imported is refused, naming its place in the definition",
        arguments: [
            ("not a definition", "- just\n- a list", "Errors found during import: /:"),
            ("Swagger 2.0", "swagger: '2.0'\ninfo: {title: a}", "/swagger:"),
            ("OpenAPI 3.1", "openapi: 3.1.0\ninfo: {title: a}", "/openapi:"),
            ("no title", "openapi: 3.0.1\ninfo: {version: '1'}", "/info/title:"),
            ("paths not an object", "openapi: 3.0.1\ninfo: {title: a}\npaths: [1]", "/paths:"),
            (
                "unknown integration type",
                "openapi: 3.0.1\ninfo: {title: a}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration: {type: lambda}",
                "/paths/~1a/get/x-amazon-apigateway-integration/type:"
            ),
            (
                "reference to no shared integration",
                "openapi: 3.0.1\ninfo: {title: a}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n"
                    + "        $ref: '#/components/x-amazon-apigateway-integrations/nope'",
                "/paths/~1a/get/x-amazon-apigateway-integration/$ref:"
            ),
            (
                "security naming no scheme",
                "openapi: 3.0.1\ninfo: {title: a}\npaths:\n  /a:\n    get:\n      security: [{nope: []}]",
                "/paths/~1a/get/security/0/nope:"
            ),
            (
                "timeout that is not a number",
                "openapi: 3.0.1\ninfo: {title: a}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n"
                    + "        {type: http_proxy, uri: 'https://a.example.com', timeoutInMillis: soon}",
                "/paths/~1a/get/x-amazon-apigateway-integration/timeoutInMillis:"
            ),
        ])
    func refusals(label: String, text: String, place: String) {
        let error = #expect(throws: RegistryError.self, "\(label)") { try OpenAPIImporter().plan(text) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains(place) == true, "\(label): \(error?.message ?? "")")
    }

    @Test("what can be imported only in part is a warning, and the rest is imported")
    func warnings() throws {
        let text = """
            openapi: 3.0.1
            info: {title: a}
            paths:
              /mock:
                get:
                  x-amazon-apigateway-integration: {type: mock}
              /two:
                get:
                  security: [{iam: []}, {token: []}]
            components:
              securitySchemes:
                iam: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
                token:
                  type: apiKey
                  name: Authorization
                  in: header
                  x-amazon-apigateway-authorizer: {type: token, authorizerUri: 'arn:aws:lambda:x'}
            """
        let plan = try OpenAPIImporter().plan(text)
        #expect(plan.routes.map(\.input.routeKey) == ["GET /mock", "GET /two"])
        #expect(plan.routes[0].integrationKey == nil && plan.integrations.isEmpty)
        #expect(plan.routes[1].input.authorizationType == .awsIAM)
        #expect(plan.authorizers.isEmpty)
        #expect(plan.warnings.count == 3, "\(plan.warnings)")
        #expect(plan.warnings.contains { $0.hasPrefix("/paths/~1mock/get/x-amazon-apigateway-integration/type:") })
    }

    @Test("a route referring to a shared integration HTTP APIs cannot use is imported without it, with one warning")
    func skippedSharedIntegration() throws {
        let text = """
            openapi: 3.0.1
            info: {title: a}
            paths:
              /mock:
                get:
                  x-amazon-apigateway-integration:
                    $ref: '#/components/x-amazon-apigateway-integrations/mocked'
            components:
              x-amazon-apigateway-integrations:
                mocked: {type: mock}
            """
        let plan = try OpenAPIImporter().plan(text)
        #expect(plan.routes.map(\.input.routeKey) == ["GET /mock"] && plan.routes[0].integrationKey == nil)
        #expect(plan.integrations.isEmpty)
        #expect(
            plan.warnings.count == 1
                && plan.warnings[0].hasPrefix("/components/x-amazon-apigateway-integrations/mocked/type:"))
    }

    @Test("an export with extensions imports back as the routes, integrations and authorizers it came from")
    func exportRoundTrip() throws {
        let apiID = APIID(uncheckedRawValue: "a1b2c3d4e5")
        let epoch = Timestamp(millisecondsSinceEpoch: 1_764_547_200_000)
        let lambda = Integration(
            id: IntegrationID(uncheckedRawValue: "int0001"), apiID: apiID, integrationType: .awsProxy,
            integrationURI: Self.lambda, payloadFormatVersion: "2.0", timeoutInMillis: 30_000)
        let authorizer = Authorizer(
            id: AuthorizerID(uncheckedRawValue: "auth001"), apiID: apiID, name: "users", authorizerType: .jwt,
            identitySource: ["$request.header.Authorization"],
            jwtConfiguration: JWTConfiguration(audience: ["a"], issuer: "https://issuer.example.com"))
        var routes: [Route] = []
        for (index, key) in ["GET /pets", "POST /pets", "GET /pets/{id}", "ANY /files/{proxy+}", "$default"]
            .enumerated()
        {
            var route = Route(
                id: RouteID(uncheckedRawValue: "route0\(index)"), apiID: apiID,
                routeKey: try RouteKey(parsing: key, protocolType: .http), target: lambda.id)
            if index == 1 {
                route.authorizationType = .jwt
                route.authorizerID = authorizer.id
                route.authorizationScopes = ["pets.write"]
            }
            routes.append(route)
        }
        let api = API(
            id: apiID, name: "pets", protocolType: .http, description: "Pets",
            routeSelectionExpression: API.httpRouteSelectionExpression,
            apiKeySelectionExpression: API.defaultAPIKeySelectionExpression,
            corsConfiguration: CorsConfiguration(allowOrigins: ["*"]), version: "v1", createdDate: epoch)
        let snapshot = APISnapshot(api: api, routes: routes, integrations: [lambda], authorizers: [authorizer])
        let exported = try OpenAPIExporter().export(snapshot, options: OpenAPIExportOptions(includeExtensions: true))
        let plan = try OpenAPIImporter().plan(exported.json)
        #expect(plan.api.name == "pets" && plan.api.description == "Pets" && plan.api.version == "v1")
        #expect(plan.api.corsConfiguration == api.corsConfiguration)
        #expect(Set(plan.routes.compactMap(\.input.routeKey)) == Set(routes.map(\.routeKey.rawValue)))
        #expect(plan.integrations.count == 1, "one integration, written once per route")
        let integration = try #require(plan.integrations.first?.input)
        #expect(integration.integrationType == .awsProxy && integration.integrationUri == Self.lambda)
        #expect(integration.payloadFormatVersion == "2.0" && integration.timeoutInMillis == 30_000)
        #expect(plan.authorizers.map(\.input.name) == ["users"])
        #expect(plan.authorizers.first?.input.jwtConfiguration == authorizer.jwtConfiguration)
        let post = try #require(plan.routes.first { $0.input.routeKey == "POST /pets" })
        #expect(post.input.authorizationType == .jwt && post.input.authorizationScopes == ["pets.write"])
        #expect(plan.warnings.isEmpty, "\(plan.warnings)")
    }
}
