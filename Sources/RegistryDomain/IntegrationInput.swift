/// The members of a CreateIntegration or UpdateIntegration request; `nil` means "not given".
public struct IntegrationInput: Sendable, Decodable {
    public var integrationType: IntegrationType?
    public var integrationUri: String?
    public var integrationMethod: String?
    public var integrationSubtype: String?
    public var connectionType: ConnectionType?
    public var connectionId: String?
    public var payloadFormatVersion: String?
    public var timeoutInMillis: Int?
    public var description: String?
    public var credentialsArn: String?
    public var requestParameters: [String: String]?
    public var requestTemplates: [String: String]?
    public var responseParameters: [String: [String: String]]?
    public var templateSelectionExpression: String?
    public var passthroughBehavior: PassthroughBehavior?
    public var contentHandlingStrategy: ContentHandlingStrategy?
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
