import RegistryDomain

/// The wire form of an integration.
struct IntegrationBody: Encodable {
    let apiGatewayManaged: Bool?
    let connectionId: String?
    let connectionType: String
    let contentHandlingStrategy: String?
    let credentialsArn: String?
    let description: String?
    let integrationId: String
    let integrationMethod: String?
    let integrationResponseSelectionExpression: String?
    let integrationSubtype: String?
    let integrationType: String
    let integrationUri: String?
    let passthroughBehavior: String?
    let payloadFormatVersion: String?
    let requestParameters: [String: String]?
    let requestTemplates: [String: String]?
    let responseParameters: [String: [String: String]]?
    let templateSelectionExpression: String?
    let timeoutInMillis: Int
    let tlsConfig: TLSConfig?

    /// The wire form of `integration`.
    init(_ integration: Integration) {
        apiGatewayManaged = integration.apiGatewayManaged ? true : nil
        connectionId = integration.connectionID?.rawValue
        connectionType = integration.connectionType.rawValue
        contentHandlingStrategy = integration.contentHandlingStrategy?.rawValue
        credentialsArn = integration.credentialsArn
        description = integration.description
        integrationId = integration.id.rawValue
        integrationMethod = integration.integrationMethod
        integrationResponseSelectionExpression = integration.integrationResponseSelectionExpression
        integrationSubtype = integration.integrationSubtype
        integrationType = integration.integrationType.rawValue
        integrationUri = integration.integrationURI
        passthroughBehavior = integration.passthroughBehavior?.rawValue
        payloadFormatVersion = integration.payloadFormatVersion
        requestParameters = integration.requestParameters
        requestTemplates = integration.requestTemplates
        responseParameters = integration.responseParameters
        templateSelectionExpression = integration.templateSelectionExpression
        timeoutInMillis = integration.timeoutInMillis
        tlsConfig = integration.tlsConfig
    }
}

extension IntegrationBody: JSONWritable {
    /// Writes the members in sorted order, as ``WireJSON/encoder`` would.
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.member("apiGatewayManaged", apiGatewayManaged)
            json.member("connectionId", connectionId)
            json.member("connectionType", connectionType)
            json.member("contentHandlingStrategy", contentHandlingStrategy)
            json.member("credentialsArn", credentialsArn)
            json.member("description", description)
            json.member("integrationId", integrationId)
            json.member("integrationMethod", integrationMethod)
            json.member("integrationResponseSelectionExpression", integrationResponseSelectionExpression)
            json.member("integrationSubtype", integrationSubtype)
            json.member("integrationType", integrationType)
            json.member("integrationUri", integrationUri)
            json.member("passthroughBehavior", passthroughBehavior)
            json.member("payloadFormatVersion", payloadFormatVersion)
            json.member("requestParameters", requestParameters)
            json.member("requestTemplates", requestTemplates)
            json.member("responseParameters", responseParameters)
            json.member("templateSelectionExpression", templateSelectionExpression)
            json.member("timeoutInMillis", timeoutInMillis)
            json.member("tlsConfig", tlsConfig)
        }
    }
}
