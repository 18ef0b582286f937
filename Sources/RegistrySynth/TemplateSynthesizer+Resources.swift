import RegistryDomain

extension TemplateSynthesizer {
    static func apiResource(_ api: API) -> TemplateResource {
        TemplateResource(
            type: "AWS::ApiGatewayV2::Api",
            properties: [
                "Name": .string(api.name),
                "ProtocolType": .string(api.protocolType.rawValue),
                "Description": api.description.map(TemplateValue.string),
                "RouteSelectionExpression": api.protocolType == .websocket
                    ? .string(api.routeSelectionExpression) : nil,
                "ApiKeySelectionExpression": api.apiKeySelectionExpression == API.defaultAPIKeySelectionExpression
                    ? nil : .string(api.apiKeySelectionExpression),
                "CorsConfiguration": api.corsConfiguration.map(corsValue),
                "DisableExecuteApiEndpoint": api.disableExecuteApiEndpoint ? .boolean(true) : nil,
                "DisableSchemaValidation": api.disableSchemaValidation.map(TemplateValue.boolean),
                "Version": api.version.map(TemplateValue.string),
                "IpAddressType": api.ipAddressType == .ipv4 ? nil : .string(api.ipAddressType.rawValue),
                "Tags": api.tags.isEmpty ? nil : .strings(api.tags),
            ])
    }

    static func corsValue(_ cors: CorsConfiguration) -> TemplateValue {
        .map(
            [
                "AllowCredentials": cors.allowCredentials.map(TemplateValue.boolean),
                "AllowHeaders": cors.allowHeaders.map(TemplateValue.strings),
                "AllowMethods": cors.allowMethods.map(TemplateValue.strings),
                "AllowOrigins": cors.allowOrigins.map(TemplateValue.strings),
                "ExposeHeaders": cors.exposeHeaders.map(TemplateValue.strings),
                "MaxAge": cors.maxAge.map(TemplateValue.integer),
            ].compactMapValues { $0 })
    }

    static func vpcLinkResource(_ link: VpcLink) -> TemplateResource {
        TemplateResource(
            type: "AWS::ApiGatewayV2::VpcLink",
            properties: [
                "Name": .string(link.name),
                "SubnetIds": .strings(link.subnetIDs),
                "SecurityGroupIds": link.securityGroupIDs.isEmpty ? nil : .strings(link.securityGroupIDs),
                "Tags": link.tags.isEmpty ? nil : .strings(link.tags),
            ])
    }

    static func integrationResource(
        _ integration: Integration, protocolType: ProtocolType, apiID: String, connectionID: String?
    ) -> TemplateResource {
        let method = integration.integrationMethod
        let omitMethod = integration.integrationType == .awsProxy && method == "POST"
        let payload = integration.payloadFormatVersion
        let omitPayload = protocolType == .websocket && payload == "1.0"
        return TemplateResource(
            type: "AWS::ApiGatewayV2::Integration",
            properties: [
                "ApiId": .ref(apiID),
                "IntegrationType": .string(integration.integrationType.rawValue),
                "IntegrationUri": integration.integrationURI.map(TemplateValue.string),
                "IntegrationMethod": omitMethod ? nil : method.map(TemplateValue.string),
                "IntegrationSubtype": integration.integrationSubtype.map(TemplateValue.string),
                "ConnectionType": integration.connectionType == .vpcLink ? .string("VPC_LINK") : nil,
                "ConnectionId": connectionID.map(TemplateValue.ref),
                "PayloadFormatVersion": omitPayload ? nil : payload.map(TemplateValue.string),
                "TimeoutInMillis": integration.timeoutInMillis == Integration.defaultTimeout(for: protocolType)
                    ? nil : .integer(integration.timeoutInMillis),
                "Description": integration.description.map(TemplateValue.string),
                "CredentialsArn": integration.credentialsArn.map(TemplateValue.string),
                "RequestParameters": integration.requestParameters.map(TemplateValue.strings),
                "RequestTemplates": integration.requestTemplates.map(TemplateValue.strings),
                "ResponseParameters": integration.responseParameters.map(responseParametersValue),
                "TemplateSelectionExpression": integration.templateSelectionExpression.map(TemplateValue.string),
                "PassthroughBehavior": integration.passthroughBehavior == .whenNoMatch
                    ? nil : integration.passthroughBehavior.map { .string($0.rawValue) },
                "ContentHandlingStrategy": integration.contentHandlingStrategy.map { .string($0.rawValue) },
                "TlsConfig": integration.tlsConfig?.serverNameToVerify.map {
                    .map(["ServerNameToVerify": .string($0)])
                },
            ])
    }

    /// CloudFormation nests each status code's mappings as `{"ResponseParameters": [{Destination, Source}]}`.
    static func responseParametersValue(_ parameters: [String: [String: String]]) -> TemplateValue {
        .map(
            parameters.mapValues { mappings in
                .map([
                    "ResponseParameters": .list(
                        mappings.keys.sorted().map { destination in
                            .map(["Destination": .string(destination), "Source": .string(mappings[destination]!)])
                        })
                ])
            })
    }

    static func authorizerResource(_ authorizer: Authorizer, apiID: String) -> TemplateResource {
        let jwt = authorizer.jwtConfiguration.map { configuration in
            TemplateValue.map(
                [
                    "Audience": configuration.audience.map(TemplateValue.strings),
                    "Issuer": configuration.issuer.map(TemplateValue.string),
                ].compactMapValues { $0 })
        }
        return TemplateResource(
            type: "AWS::ApiGatewayV2::Authorizer",
            properties: [
                "ApiId": .ref(apiID),
                "AuthorizerType": .string(authorizer.authorizerType.rawValue),
                "Name": .string(authorizer.name),
                "IdentitySource": .strings(authorizer.identitySource),
                "JwtConfiguration": jwt,
                "AuthorizerUri": authorizer.authorizerURI.map(TemplateValue.string),
                "AuthorizerPayloadFormatVersion": authorizer.authorizerPayloadFormatVersion.map(TemplateValue.string),
                "AuthorizerResultTtlInSeconds": authorizer.authorizerResultTTLInSeconds.map(TemplateValue.integer),
                "EnableSimpleResponses": authorizer.enableSimpleResponses.map(TemplateValue.boolean),
                "AuthorizerCredentialsArn": authorizer.authorizerCredentialsArn.map(TemplateValue.string),
                "IdentityValidationExpression": authorizer.identityValidationExpression.map(TemplateValue.string),
            ])
    }

    /// A route's resource. `apiRef`, `target` (`integrations/` joined with the integration's `Ref`)
    /// and `authorizerRef` are built once per template and shared by every route (values are
    /// copy-on-write: sharing costs a retain, building costs allocations).
    static func routeResource(
        _ route: Route, apiRef: TemplateValue, target: TemplateValue?, authorizerRef: TemplateValue?
    )
        -> TemplateResource
    {
        TemplateResource(
            type: "AWS::ApiGatewayV2::Route",
            properties: [
                "ApiId": apiRef,
                "RouteKey": .string(route.routeKey.rawValue),
                "AuthorizationType": .string(route.authorizationType.rawValue),
                "Target": target,
                "AuthorizerId": authorizerRef,
                "AuthorizationScopes": route.authorizationScopes.flatMap { $0.isEmpty ? nil : .strings($0) },
                "ApiKeyRequired": route.apiKeyRequired ? .boolean(true) : nil,
                "OperationName": route.operationName.map(TemplateValue.string),
                "ModelSelectionExpression": route.modelSelectionExpression.map(TemplateValue.string),
                "RouteResponseSelectionExpression": route.routeResponseSelectionExpression.map(TemplateValue.string),
                "RequestModels": route.requestModels.map(TemplateValue.strings),
                "RequestParameters": route.requestParameters.map { parameters in
                    .map(
                        parameters.mapValues { constraints in
                            .map(["Required": .boolean(constraints.required ?? false)])
                        })
                },
            ])
    }

    static func stageResource(_ stage: Stage, apiID: String) -> TemplateResource {
        TemplateResource(
            type: "AWS::ApiGatewayV2::Stage",
            properties: [
                "ApiId": .ref(apiID),
                "StageName": .string(stage.name.rawValue),
                "AutoDeploy": .boolean(stage.autoDeploy),
                "Description": stage.description.map(TemplateValue.string),
                "StageVariables": stage.stageVariables.map(TemplateValue.strings),
                "DefaultRouteSettings": stage.defaultRouteSettings.map(routeSettingsValue),
                "RouteSettings": stage.routeSettings.map { $0.mapValues(routeSettingsValue) }.map(TemplateValue.map),
                "AccessLogSettings": stage.accessLogSettings.map { settings in
                    .map(
                        [
                            "DestinationArn": settings.destinationArn.map(TemplateValue.string),
                            "Format": settings.format.map(TemplateValue.string),
                        ].compactMapValues { $0 })
                },
                "ClientCertificateId": stage.clientCertificateID.map(TemplateValue.string),
                "Tags": stage.tags.isEmpty ? nil : .strings(stage.tags),
            ])
    }

    /// An API mapping names its domain by name, as CDK does for a domain name another stack (here: the
    /// domain name's own template) creates, so that deploying every template of the catalog creates
    /// each domain name once. It names the stage by name too, so it depends on the stage explicitly.
    static func apiMappingResource(_ mapping: APIMapping, apiRef: TemplateValue, stageID: String?) -> TemplateResource {
        TemplateResource(
            type: "AWS::ApiGatewayV2::ApiMapping",
            properties: [
                "ApiId": apiRef,
                "DomainName": .string(mapping.domainName.rawValue),
                "Stage": .string(mapping.stage.rawValue),
                "ApiMappingKey": mapping.key.isEmpty ? nil : .string(mapping.key),
            ],
            dependsOn: stageID.map { [$0] } ?? [])
    }

    /// A model; CloudFormation takes its schema as a JSON object, as CDK writes it.
    static func modelResource(_ model: Model, apiRef: TemplateValue) -> TemplateResource {
        TemplateResource(
            type: "AWS::ApiGatewayV2::Model",
            properties: [
                "ApiId": apiRef,
                "Name": .string(model.name),
                "Schema": TemplateValue(parsingJSON: model.schema) ?? .string(model.schema),
                "ContentType": model.contentType.map(TemplateValue.string),
                "Description": model.description.map(TemplateValue.string),
            ])
    }

    static func routeResponseResource(
        _ response: RouteResponse, apiRef: TemplateValue, routeID: String
    )
        -> TemplateResource
    {
        TemplateResource(
            type: "AWS::ApiGatewayV2::RouteResponse",
            properties: [
                "ApiId": apiRef,
                "RouteId": .ref(routeID),
                "RouteResponseKey": .string(response.key),
                "ModelSelectionExpression": response.modelSelectionExpression.map(TemplateValue.string),
                "ResponseModels": response.responseModels.map(TemplateValue.strings),
                "ResponseParameters": response.responseParameters.map { parameters in
                    .map(parameters.mapValues { .map(["Required": .boolean($0.required ?? false)]) })
                },
            ])
    }

    static func integrationResponseResource(
        _ response: IntegrationResponse, apiRef: TemplateValue, integrationID: String
    ) -> TemplateResource {
        TemplateResource(
            type: "AWS::ApiGatewayV2::IntegrationResponse",
            properties: [
                "ApiId": apiRef,
                "IntegrationId": .ref(integrationID),
                "IntegrationResponseKey": .string(response.key),
                "TemplateSelectionExpression": response.templateSelectionExpression.map(TemplateValue.string),
                "ResponseTemplates": response.responseTemplates.map(TemplateValue.strings),
                "ContentHandlingStrategy": response.contentHandlingStrategy.map { .string($0.rawValue) },
                "ResponseParameters": response.responseParameters.map(TemplateValue.strings),
            ])
    }

    static func routeSettingsValue(_ settings: RouteSettings) -> TemplateValue {
        .map(
            [
                "DataTraceEnabled": settings.dataTraceEnabled.map(TemplateValue.boolean),
                "DetailedMetricsEnabled": settings.detailedMetricsEnabled.map(TemplateValue.boolean),
                "LoggingLevel": settings.loggingLevel.map { .string($0.rawValue) },
                "ThrottlingBurstLimit": settings.throttlingBurstLimit.map(TemplateValue.integer),
                "ThrottlingRateLimit": settings.throttlingRateLimit.map(TemplateValue.number),
            ].compactMapValues { $0 })
    }
}
