import RegistryDomain
import RegistryImport
import Testing

/// CloudFormation templates read into import plans: short-form tags, intrinsic functions, pseudo
/// parameters, conditions, and the three kinds of findings.
@Suite("CloudFormation import")
struct CloudFormationImporterTests {
    static func plan(_ template: String, accountID: String? = "123456789012") throws -> TemplateImportPlan {
        try CloudFormationImporter().plan(template, region: "eu-west-1", accountID: accountID)
    }

    /// A YAML template as people write it: short forms, a parameter, a mapping, a condition, a
    /// Lambda function with a name, a VPC link, a JWT authorizer and a stage with a deployment.
    static let yaml = """
        AWSTemplateFormatVersion: '2010-09-09'
        Parameters:
          Team: {Type: String, Default: payments}
          Subnets: {Type: CommaDelimitedList, Default: 'subnet-1, subnet-2'}
        Mappings:
          Hosts: {eu-west-1: {Orders: orders.eu.example.com}}
        Conditions:
          InEurope: !Equals [!Ref 'AWS::Region', eu-west-1]
          InChina: !Equals [!Ref 'AWS::Partition', aws-cn]
        Resources:
          Handler:
            Type: AWS::Lambda::Function
            Properties: {FunctionName: orders-handler, Runtime: nodejs20.x}
          HandlerPermission:
            Type: AWS::Lambda::Permission
            Properties: {Action: 'lambda:InvokeFunction', FunctionName: !Ref Handler}
          Link:
            Type: AWS::ApiGatewayV2::VpcLink
            Properties: {Name: !Sub '${Team}-link', SubnetIds: !Ref Subnets}
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties:
              Name: !Join ['-', [!Ref Team, orders]]
              ProtocolType: HTTP
              Tags: {team: !Ref Team}
              CorsConfiguration: {AllowOrigins: ['https://example.com'], MaxAge: 300}
          Users:
            Type: AWS::ApiGatewayV2::Authorizer
            Properties:
              ApiId: !Ref Api
              AuthorizerType: JWT
              Name: users
              IdentitySource: [$request.header.Authorization]
              JwtConfiguration: {Audience: [orders], Issuer: !Sub 'https://cognito-idp.${AWS::Region}.amazonaws.com/pool'}
          LambdaIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !GetAtt Api.ApiId
              IntegrationType: AWS_PROXY
              IntegrationUri: !GetAtt Handler.Arn
              PayloadFormatVersion: '2.0'
          PrivateIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref Api
              IntegrationType: HTTP_PROXY
              IntegrationMethod: ANY
              ConnectionType: VPC_LINK
              ConnectionId: !Ref Link
              IntegrationUri: !Sub 'arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:listener/app/lb/1/2'
              TlsConfig: {ServerNameToVerify: !FindInMap [Hosts, !Ref 'AWS::Region', Orders]}
              ResponseParameters:
                '404': {ResponseParameters: [{Destination: 'overwrite:statuscode', Source: '410'}]}
          GetOrders:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Api
              RouteKey: GET /orders
              AuthorizationType: JWT
              AuthorizerId: !Ref Users
              AuthorizationScopes: [orders.read]
              Target: !Join ['', [integrations/, !Ref LambdaIntegration]]
          Private:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Api
              RouteKey: ANY /private/{proxy+}
              Target: !Sub 'integrations/${PrivateIntegration}'
          ChinaOnly:
            Type: AWS::ApiGatewayV2::Route
            Condition: InChina
            Properties: {ApiId: !Ref Api, RouteKey: GET /china}
          Europe:
            Type: AWS::ApiGatewayV2::Route
            Properties:
              ApiId: !Ref Api
              RouteKey: !If [InEurope, GET /europe, GET /elsewhere]
              OperationName: !If [InChina, china, !Ref 'AWS::NoValue']
          Release:
            Type: AWS::ApiGatewayV2::Deployment
            Properties: {ApiId: !Ref Api, Description: first}
          Prod:
            Type: AWS::ApiGatewayV2::Stage
            Properties:
              ApiId: !Ref Api
              StageName: prod
              DeploymentId: !Ref Release
              StageVariables: {Team: !Ref Team}
              RouteSettings: {GET /orders: {ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5.5}}
          Domain:
            Type: AWS::ApiGatewayV2::DomainName
            Properties:
              DomainName: orders.example.com
              DomainNameConfigurations: [{CertificateArn: !Sub 'arn:aws:acm:${AWS::Region}:${AWS::AccountId}:certificate/x', EndpointType: REGIONAL}]
          Mapping:
            Type: AWS::ApiGatewayV2::ApiMapping
            Properties: {ApiId: !Ref Api, DomainName: !Ref Domain, Stage: !Ref Prod, ApiMappingKey: v1}
        Outputs:
          Url: {Value: !GetAtt Api.ApiEndpoint}
        """

    @Test("short forms, parameters, mappings, conditions and pseudo parameters resolve into one plan")
    func readsAYAMLTemplate() throws {
        let plan = try Self.plan(Self.yaml)
        #expect(
            plan.warnings == [
                "/Resources/Handler: AWS::Lambda::Function is not a resource the registry holds; it is not imported."
            ])
        #expect(plan.vpcLinks.map(\.key) == ["Link"])
        #expect(
            plan.vpcLinks[0].input.name == "payments-link"
                && plan.vpcLinks[0].input.subnetIds == ["subnet-1", "subnet-2"])
        let api = try #require(plan.apis.first)
        #expect(api.key == "Api" && api.plan.api.name == "payments-orders" && api.plan.api.tags == ["team": "payments"])
        #expect(api.plan.api.corsConfiguration?.maxAge == 300)
        #expect(
            api.plan.authorizers.map(\.input.jwtConfiguration?.issuer) == [
                "https://cognito-idp.eu-west-1.amazonaws.com/pool"
            ])
        let integrations = Dictionary(uniqueKeysWithValues: api.plan.integrations.map { ($0.key, $0) })
        #expect(
            integrations["LambdaIntegration"]?.input.integrationUri
                == "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler")
        let privateIntegration = try #require(integrations["PrivateIntegration"])
        #expect(privateIntegration.vpcLinkKey == "Link" && privateIntegration.input.connectionId == nil)
        #expect(
            privateIntegration.input.integrationUri
                == "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/lb/1/2")
        #expect(privateIntegration.input.tlsConfig?.serverNameToVerify == "orders.eu.example.com")
        #expect(privateIntegration.input.responseParameters == ["404": ["overwrite:statuscode": "410"]])
        let routes = api.plan.routes
        #expect(routes.map(\.input.routeKey) == ["GET /orders", "ANY /private/{proxy+}", "GET /europe"])
        #expect(routes.map(\.integrationKey) == ["LambdaIntegration", "PrivateIntegration", nil])
        #expect(routes[0].authorizerName == "users" && routes[0].input.authorizationScopes == ["orders.read"])
        #expect(routes[2].input.operationName == nil)
        #expect(api.deployments.map(\.key) == ["Release"] && api.stages.map(\.deploymentKey) == ["Release"])
        #expect(api.stages[0].input.stageVariables == ["Team": "payments"])
        #expect(api.stages[0].input.routeSettings?["GET /orders"]?.throttlingRateLimit == 5.5)
        #expect(plan.domainNames.map(\.input.domainName) == ["orders.example.com"])
        #expect(
            plan.domainNames[0].input.domainNameConfigurations?.first?.certificateArn
                == "arn:aws:acm:eu-west-1:123456789012:certificate/x")
        #expect(plan.apiMappings.map(\.domainName) == ["orders.example.com"])
        #expect(plan.apiMappings.map(\.input.stage) == ["prod"] && plan.apiMappings.map(\.apiKey) == ["Api"])
    }

    @Test("JSON reads as YAML does, and CDK's bookkeeping passes silently")
    func readsCDKOutput() throws {
        let template = """
            {"Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>",
               "Default": "/cdk-bootstrap/hnb659fds/version"}},
             "Conditions": {"CDKMetadataAvailable": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]}},
             "Rules": {"CheckBootstrapVersion": {"Assertions": []}},
             "Resources": {
               "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "a", "ProtocolType": "HTTP"}},
               "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:x"},
                 "Condition": "CDKMetadataAvailable"}},
             "Outputs": {"Id": {"Value": {"Ref": "Api"}}}}
            """
        let plan = try Self.plan(template)
        #expect(plan.warnings.isEmpty)
        #expect(plan.apis.map(\.plan.api.name) == ["a"])
    }

    /// What leaves a resource out, with a warning naming it, and what else it leaves out.
    static let leftOut: [(label: String, resources: String, warned: [String])] = [
        (
            "a Lambda function without a name",
            """
              Fn: {Type: AWS::Lambda::Function, Properties: {Runtime: nodejs20.x}}
              Int: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn}}
              Route: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: GET /, Target: !Sub 'integrations/${Int}'}}
            """, ["Int", "Route", "Fn"]
        ),
        (
            "another stack's export",
            """
              Int: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationMethod: GET, IntegrationUri: !ImportValue shared-url}}
            """, ["Int"]
        ),
        (
            "an attribute known once deployed",
            """
              Int: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: HTTP_PROXY, IntegrationMethod: GET, IntegrationUri: !GetAtt Api.ApiEndpoint}}
            """, ["Int"]
        ),
        (
            "an API of another template",
            """
              Route: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: abcdef1234, RouteKey: GET /}}
            """, ["Route"]
        ),
        (
            "a reference to nothing",
            """
              Route: {Type: AWS::ApiGatewayV2::Route, Properties: {ApiId: !Ref Api, RouteKey: GET /, AuthorizerId: !Ref Nobody}}
            """, ["Route"]
        ),
        (
            "an account the import was not given",
            """
              Int: {Type: AWS::ApiGatewayV2::Integration, Properties: {ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !Sub 'arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:f'}}
            """, ["Int"]
        ),
        (
            "a resource type the registry does not hold",
            """
              Overrides: {Type: AWS::ApiGatewayV2::ApiGatewayManagedOverrides, Properties: {ApiId: !Ref Api}}
              Table: {Type: AWS::DynamoDB::Table, Properties: {}}
            """, ["Overrides", "Table"]
        ),
    ]

    @Test("what cannot be resolved leaves its resource out, with a warning naming it", arguments: 0..<leftOut.count)
    func leavesOutWhatCannotBeResolved(_ index: Int) throws {
        let (label, resources, warned) = Self.leftOut[index]
        let plan = try Self.plan(
            "Resources:\n  Api: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: HTTP}}\n"
                + resources,
            accountID: nil)
        #expect(plan.apis.count == 1, "\(label)")
        #expect(plan.apis[0].plan.integrations.isEmpty && plan.apis[0].plan.routes.isEmpty, "\(label)")
        #expect(plan.warnings.count == warned.count, "\(label): \(plan.warnings)")
        for (warning, logicalID) in zip(plan.warnings, warned) {
            #expect(warning.hasPrefix("/Resources/\(logicalID): "), "\(label): \(warning)")
        }
    }

    /// Templates the import refuses, and the place the refusal names.
    static let refused: [(label: String, template: String, place: String)] = [
        ("not a template", "[1, 2]", "/"),
        ("no resources", "AWSTemplateFormatVersion: '2010-09-09'", "/Resources"),
        ("a resource without a type", "Resources: {A: {Properties: {}}}", "/Resources/A/Type"),
        (
            "a boolean of the wrong type",
            "Resources: {A: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: HTTP, DisableExecuteApiEndpoint: [x]}}}",
            "/Resources/A/Properties/DisableExecuteApiEndpoint"
        ),
        (
            "an unknown protocol",
            "Resources: {A: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: a, ProtocolType: SOAP}}}",
            "/Resources/A/Properties/ProtocolType"
        ),
        (
            "an OpenAPI body that cannot be imported",
            "Resources: {A: {Type: AWS::ApiGatewayV2::Api, Properties: {Body: {swagger: '2.0', info: {title: a}}}}}",
            "/Resources/A/Properties/Body/swagger"
        ),
    ]

    @Test(
        "what is not a template, or a value of the wrong type, is refused, naming its place",
        arguments: 0..<refused.count)
    func refusesWhatIsNotATemplate(_ index: Int) throws {
        let (label, template, place) = Self.refused[index]
        let error = #expect(throws: RegistryError.self, "\(label)") { try Self.plan(template) }
        #expect(error?.code == .badRequest, "\(label)")
        #expect(
            error?.message.hasPrefix("Errors found during import: \(place):") == true,
            "\(label): \(error?.message ?? "")")
    }

    @Test("an API's OpenAPI Body is imported as ImportApi reads it, the template's properties winning")
    func importsAnAPIBody() throws {
        let plan = try Self.plan(
            """
            Resources:
              Api:
                Type: AWS::ApiGatewayV2::Api
                Properties:
                  Name: from-template
                  Body:
                    openapi: 3.0.1
                    info: {title: from-body, version: '1'}
                    paths:
                      /pets:
                        get:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            uri: !Sub 'arn:aws:lambda:${AWS::Region}:123456789012:function:pets'
                            payloadFormatVersion: '2.0'
                        patch:
                          x-amazon-apigateway-integration: {type: mock}
              Stage:
                Type: AWS::ApiGatewayV2::Stage
                Properties: {ApiId: !Ref Api, StageName: $default, AutoDeploy: true}
            """)
        let api = try #require(plan.apis.first)
        #expect(
            api.plan.api.name == "from-template" && api.plan.api.version == "1" && api.plan.api.protocolType == .http)
        #expect(api.plan.routes.map(\.input.routeKey) == ["GET /pets", "PATCH /pets"])
        #expect(
            api.plan.integrations.map(\.input.integrationUri) == ["arn:aws:lambda:eu-west-1:123456789012:function:pets"]
        )
        #expect(
            plan.warnings.count == 1 && plan.warnings[0].hasPrefix("/Resources/Api/Properties/Body: "),
            "\(plan.warnings)")
        #expect(api.stages.map(\.input.stageName) == ["$default"])
    }

    @Test("properties the registry does not keep are ignored with a warning, the resource imported")
    func ignoresUnknownProperties() throws {
        let plan = try Self.plan(
            "Resources: {A: {Type: AWS::ApiGatewayV2::Stage, Properties: {ApiId: !Ref B, StageName: s, AccessPolicyId: x}},"
                + " B: {Type: AWS::ApiGatewayV2::Api, Properties: {Name: b, ProtocolType: HTTP}}}")
        #expect(plan.apis[0].stages.map(\.input.stageName) == ["s"])
        #expect(
            plan.warnings == ["/Resources/A/Properties/AccessPolicyId: the registry does not keep it; it is ignored."])
    }

    /// Documents nested past any real one, or whose aliases expand a few hundred bytes to a billion
    /// values ("billion laughs").
    static let hostile: [(label: String, text: String, reason: String)] = [
        (
            "billion laughs",
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + (0..<9).map { level in
                    let name = String(UnicodeScalar(UInt8(98 + level)))
                    let previous = String(UnicodeScalar(UInt8(97 + level)))
                    return "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 10).joined(separator: ", ")
                        + "]\n"
                }.joined() + "Resources: *j\n",
            "expands to more than"
        ),
        (
            "deep block mappings", "a:\n" + (1...400).map { String(repeating: " ", count: $0) + "b:\n" }.joined(),
            "nests deeper"
        ),
        ("deep block sequences", String(repeating: "- ", count: 5_000) + "x\n", "nests deeper"),
        (
            "deep flow mappings", String(repeating: "{a: ", count: 500) + "1" + String(repeating: "}", count: 500),
            "nests deeper"
        ),
    ]

    @Test("hostile documents are refused before they are parsed, by both importers", arguments: 0..<hostile.count)
    func refusesHostileDocuments(_ index: Int) throws {
        let (label, text, reason) = Self.hostile[index]
        let template = #expect(throws: RegistryError.self, "\(label)") { try Self.plan(text) }
        #expect(template?.message.contains(reason) == true, "\(label): \(template?.message ?? "")")
        let definition = #expect(throws: RegistryError.self, "\(label)") { try OpenAPIImporter().plan(text) }
        #expect(definition?.message.contains(reason) == true, "\(label): \(definition?.message ?? "")")
    }
}
