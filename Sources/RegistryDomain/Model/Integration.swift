/// An integration: how API Gateway reaches a backend (Lambda, HTTP URL, private resource, mock).
public struct Integration: Hashable, Sendable {
    /// The integration's identifier.
    public var id: IntegrationID
    /// The API the integration belongs to.
    public var apiID: APIID
    /// The integration type.
    public var integrationType: IntegrationType
    /// The backend's URI: a Lambda ARN or invocation URI, a URL, a listener or Cloud Map ARN.
    public var integrationURI: String?
    /// The HTTP method used towards the backend.
    public var integrationMethod: String?
    /// The AWS service action of an AWS_PROXY service integration (`SQS-SendMessage`, …).
    public var integrationSubtype: String?
    /// INTERNET or VPC_LINK.
    public var connectionType: ConnectionType
    /// The VPC link of a private integration.
    public var connectionID: VpcLinkID?
    /// The payload format version: `1.0` or `2.0`.
    public var payloadFormatVersion: String?
    /// The backend timeout in milliseconds.
    public var timeoutInMillis: Int
    /// A description, at most 1024 characters.
    public var description: String?
    /// The IAM role API Gateway assumes to call the backend.
    public var credentialsArn: String?
    /// Request parameter mappings.
    public var requestParameters: [String: String]?
    /// Request templates by content type (WebSocket APIs).
    public var requestTemplates: [String: String]?
    /// Response parameter mappings by status code (HTTP APIs).
    public var responseParameters: [String: [String: String]]?
    /// The template selection expression (WebSocket APIs).
    public var templateSelectionExpression: String?
    /// The passthrough behaviour (WebSocket APIs).
    public var passthroughBehavior: PassthroughBehavior?
    /// Content conversion (WebSocket APIs).
    public var contentHandlingStrategy: ContentHandlingStrategy?
    /// TLS settings of a private integration.
    public var tlsConfig: TLSConfig?
    /// Whether API Gateway manages the integration (created by quick create).
    public var apiGatewayManaged: Bool

    /// Creates an integration value; rules are checked by the use cases, not here.
    public init(
        id: IntegrationID, apiID: APIID, integrationType: IntegrationType, integrationURI: String? = nil,
        integrationMethod: String? = nil, integrationSubtype: String? = nil, connectionType: ConnectionType = .internet,
        connectionID: VpcLinkID? = nil, payloadFormatVersion: String? = nil, timeoutInMillis: Int,
        description: String? = nil, credentialsArn: String? = nil, requestParameters: [String: String]? = nil,
        requestTemplates: [String: String]? = nil, responseParameters: [String: [String: String]]? = nil,
        templateSelectionExpression: String? = nil, passthroughBehavior: PassthroughBehavior? = nil,
        contentHandlingStrategy: ContentHandlingStrategy? = nil, tlsConfig: TLSConfig? = nil,
        apiGatewayManaged: Bool = false
    ) {
        self.id = id
        self.apiID = apiID
        self.integrationType = integrationType
        self.integrationURI = integrationURI
        self.integrationMethod = integrationMethod
        self.integrationSubtype = integrationSubtype
        self.connectionType = connectionType
        self.connectionID = connectionID
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
        self.apiGatewayManaged = apiGatewayManaged
    }
}
