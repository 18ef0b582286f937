/// The members of a CreateIntegrationResponse or UpdateIntegrationResponse request; `nil` means
/// "not given".
public struct IntegrationResponseInput: Sendable, Decodable {
    /// The request member `integrationResponseKey`.
    public var integrationResponseKey: String?
    /// The request member `templateSelectionExpression`.
    public var templateSelectionExpression: String?
    /// The request member `responseTemplates`.
    public var responseTemplates: [String: String]?
    /// The request member `contentHandlingStrategy`.
    public var contentHandlingStrategy: ContentHandlingStrategy?
    /// The request member `responseParameters`.
    public var responseParameters: [String: String]?

    /// Creates an input; every member is optional.
    public init(
        integrationResponseKey: String? = nil, templateSelectionExpression: String? = nil,
        responseTemplates: [String: String]? = nil, contentHandlingStrategy: ContentHandlingStrategy? = nil,
        responseParameters: [String: String]? = nil
    ) {
        self.integrationResponseKey = integrationResponseKey
        self.templateSelectionExpression = templateSelectionExpression
        self.responseTemplates = responseTemplates
        self.contentHandlingStrategy = contentHandlingStrategy
        self.responseParameters = responseParameters
    }
}
