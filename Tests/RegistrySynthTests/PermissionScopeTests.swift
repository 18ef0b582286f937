import RegistryDomain
import RegistrySynth
import Testing

/// Lambda permission scoping: CDK's per-route scope by default, per-function scope where CDK's
/// would not deploy (over 500 resources, or over 20 grants on one function's policy).
@Suite struct PermissionScopeTests {
    /// An HTTP API with `routes` Lambda routes spread over `functions` functions, one integration each.
    static func api(routes: Int, functions: Int) throws -> APISnapshot {
        let created = Timestamp(millisecondsSinceEpoch: 0)
        let apiID = APIID(uncheckedRawValue: "bigapi0001")
        let api = API(
            id: apiID, name: "big", protocolType: .http, routeSelectionExpression: API.httpRouteSelectionExpression,
            createdDate: created)
        let integrations = (0..<functions).map { index in
            Integration(
                id: IntegrationID(uncheckedRawValue: "int\(1000 + index)"), apiID: apiID, integrationType: .awsProxy,
                integrationURI: "arn:aws:lambda:us-east-1:123456789012:function:svc\(index)", integrationMethod: "POST",
                payloadFormatVersion: "2.0", timeoutInMillis: 30000)
        }
        let routeList = try (0..<routes).map { index in
            Route(
                id: RouteID(uncheckedRawValue: "r\(100_000 + index)"), apiID: apiID,
                routeKey: try RouteKey(parsing: "GET /svc\(index % functions)/item\(index)", protocolType: .http),
                target: integrations[index % functions].id)
        }
        let stage = Stage(
            apiID: apiID, name: .defaultStage, autoDeploy: true, createdDate: created, lastUpdatedDate: created)
        return APISnapshot(api: api, routes: routeList, integrations: integrations, stages: [stage])
    }

    static func scope(_ template: CloudFormationTemplate) -> TemplateValue? {
        guard case .map(let members)? = template.metadata["IntegrationRegistry"] else { return nil }
        return members["LambdaPermissionScope"]
    }

    @Test func aSmallAPIKeepsCDKsRouteScope() throws {
        let template = try TemplateSynthesizer().synthesize(try Self.api(routes: 12, functions: 4))
        #expect(template.count(of: "AWS::Lambda::Permission") == 12)
        #expect(Self.scope(template) == .string("route"))
    }

    @Test func threeHundredRoutesOnTenFunctionsStayUnder500Resources() throws {
        let template = try TemplateSynthesizer().synthesize(try Self.api(routes: 300, functions: 10))
        #expect(template.resources.count <= SynthesisOptions.cloudFormationResourceLimit)
        #expect(template.resources.count == 1 + 10 + 300 + 1 + 10)
        #expect(template.count(of: "AWS::Lambda::Permission") == 10)
        #expect(Self.scope(template) == .string("function"))
        let forced = try TemplateSynthesizer().synthesize(
            try Self.api(routes: 300, functions: 10), options: SynthesisOptions(permissionScope: .route))
        #expect(forced.resources.count == 1 + 10 + 300 + 1 + 300)
        #expect(Self.scope(forced) == .string("route"))
    }

    @Test func moreThanTwentyRoutesOnOneFunctionScopeByFunction() throws {
        let template = try TemplateSynthesizer().synthesize(try Self.api(routes: 21, functions: 1))
        #expect(template.count(of: "AWS::Lambda::Permission") == 1)
        #expect(Self.scope(template) == .string("function"))
        let twenty = try TemplateSynthesizer().synthesize(try Self.api(routes: 20, functions: 1))
        #expect(twenty.count(of: "AWS::Lambda::Permission") == 20)
    }

    @Test func functionScopeCoversEveryRouteOfTheAPI() throws {
        let template = try TemplateSynthesizer().synthesize(
            try Self.api(routes: 4, functions: 2), options: SynthesisOptions(permissionScope: .function))
        let permissions = template.resources.values.filter { $0.type == "AWS::Lambda::Permission" }
        #expect(permissions.count == 2)
        for permission in permissions {
            #expect(permission.properties["SourceArn"]?.json.contains("/*/*/*") == true)
        }
    }
}
