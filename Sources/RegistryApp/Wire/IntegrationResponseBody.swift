import RegistryDomain

/// The wire form of an integration response.
struct IntegrationResponseBody: Encodable {
    let contentHandlingStrategy: String?
    let integrationResponseId: String
    let integrationResponseKey: String
    let responseParameters: [String: String]?
    let responseTemplates: [String: String]?
    let templateSelectionExpression: String?

    /// The wire form of `response`.
    init(_ response: IntegrationResponse) {
        contentHandlingStrategy = response.contentHandlingStrategy?.rawValue
        integrationResponseId = response.id.rawValue
        integrationResponseKey = response.key
        responseParameters = response.responseParameters
        responseTemplates = response.responseTemplates
        templateSelectionExpression = response.templateSelectionExpression
    }
}
