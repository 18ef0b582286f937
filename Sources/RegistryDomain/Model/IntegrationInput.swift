/// The members of a CreateIntegration or UpdateIntegration request; `nil` means "not given".
public struct IntegrationInput: Hashable, Sendable, Decodable {
    /// The request member `integrationType`; `nil` when the request does not give it.
    public var integrationType: IntegrationType?
    /// The request member `integrationUri`; `nil` when the request does not give it.
    public var integrationUri: String?
    /// The request member `integrationMethod`; `nil` when the request does not give it.
    public var integrationMethod: String?
    /// The request member `integrationSubtype`; `nil` when the request does not give it.
    public var integrationSubtype: String?
    /// The request member `connectionType`; `nil` when the request does not give it.
    public var connectionType: ConnectionType?
    /// The request member `connectionId`; `nil` when the request does not give it.
    public var connectionId: String?
    /// The request member `payloadFormatVersion`; `nil` when the request does not give it.
    public var payloadFormatVersion: String?
    /// The request member `timeoutInMillis`; `nil` when the request does not give it.
    public var timeoutInMillis: Int?
    /// The request member `description`; `nil` when the request does not give it.
    public var description: String?
    /// The request member `credentialsArn`; `nil` when the request does not give it.
    public var credentialsArn: String?
    /// The request member `requestParameters`; `nil` when the request does not give it.
    public var requestParameters: [String: String]?
    /// The request member `requestTemplates`; `nil` when the request does not give it.
    public var requestTemplates: [String: String]?
    /// The request member `responseParameters`; `nil` when the request does not give it.
    public var responseParameters: [String: [String: String]]?
    /// The request member `templateSelectionExpression`; `nil` when the request does not give it.
    public var templateSelectionExpression: String?
    /// The request member `passthroughBehavior`; `nil` when the request does not give it.
    public var passthroughBehavior: PassthroughBehavior?
    /// The request member `contentHandlingStrategy`; `nil` when the request does not give it.
    public var contentHandlingStrategy: ContentHandlingStrategy?
    /// The request member `tlsConfig`; `nil` when the request does not give it.
    public var tlsConfig: TLSConfig?

    /// Creates an input; every member is optional.
    public init(
        integrationType: IntegrationType? = nil, integrationUri: String? = nil, integrationMethod: String? = nil,
        integrationSubtype: String? = nil, connectionType: ConnectionType? = nil, connectionId: String? = nil,
        payloadFormatVersion: String? = nil, timeoutInMillis: Int? = nil, description: String? = nil,
        credentialsArn: String? = nil, requestParameters: [String: String]? = nil,
        requestTemplates: [String: String]? = nil, responseParameters: [String: [String: String]]? = nil,
        templateSelectionExpression: String? = nil, passthroughBehavior: PassthroughBehavior? = nil,
        contentHandlingStrategy: ContentHandlingStrategy? = nil, tlsConfig: TLSConfig? = nil
    ) {
        self.integrationType = integrationType
        self.integrationUri = integrationUri
        self.integrationMethod = integrationMethod
        self.integrationSubtype = integrationSubtype
        self.connectionType = connectionType
        self.connectionId = connectionId
        self.payloadFormatVersion = payloadFormatVersion
        self.timeoutInMillis = timeoutInMillis
        self.description = description
        self.credentialsArn = credentialsArn
        self.requestParameters = requestParameters
        self.requestTemplates = requestTemplates
        self.responseParameters = responseParameters
        self.templateSelectionExpression = templateSelectionExpression
        self.passthroughBehavior = passthroughBehavior
        self.contentHandlingStrategy = contentHandlingStrategy
        self.tlsConfig = tlsConfig
    }
}
