/// An integration response: how a WebSocket API turns a backend's answer into the route's reply.
public struct IntegrationResponse: Hashable, Sendable {
    /// The integration response's identifier.
    public var id: IntegrationResponseID
    /// The API it belongs to.
    public var apiID: APIID
    /// The integration it belongs to.
    public var integrationID: IntegrationID
    /// The key: `$default`, or a `/regular expression/` over the backend's status.
    public var key: String
    /// The template selection expression.
    public var templateSelectionExpression: String?
    /// Response templates by selection key.
    public var responseTemplates: [String: String]?
    /// Content conversion.
    public var contentHandlingStrategy: ContentHandlingStrategy?
    /// Response parameter mappings.
    public var responseParameters: [String: String]?

    /// Creates an integration response value; rules are checked by the use cases, not here.
    public init(
        id: IntegrationResponseID, apiID: APIID, integrationID: IntegrationID, key: String,
        templateSelectionExpression: String? = nil, responseTemplates: [String: String]? = nil,
        contentHandlingStrategy: ContentHandlingStrategy? = nil, responseParameters: [String: String]? = nil
    ) {
        self.id = id
        self.apiID = apiID
        self.integrationID = integrationID
        self.key = key
        self.templateSelectionExpression = templateSelectionExpression
        self.responseTemplates = responseTemplates
        self.contentHandlingStrategy = contentHandlingStrategy
        self.responseParameters = responseParameters
    }
}
