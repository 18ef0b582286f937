/// The members of a CreateApi or UpdateApi request; `nil` means "not given".
public struct APIInput: Hashable, Sendable, Decodable {
    /// The request member `name`; `nil` when the request does not give it.
    public var name: String?
    /// The request member `protocolType`; `nil` when the request does not give it.
    public var protocolType: ProtocolType?
    /// The request member `description`; `nil` when the request does not give it.
    public var description: String?
    /// The request member `routeSelectionExpression`; `nil` when the request does not give it.
    public var routeSelectionExpression: String?
    /// The request member `apiKeySelectionExpression`; `nil` when the request does not give it.
    public var apiKeySelectionExpression: String?
    /// The request member `corsConfiguration`; `nil` when the request does not give it.
    public var corsConfiguration: CorsConfiguration?
    /// The request member `disableExecuteApiEndpoint`; `nil` when the request does not give it.
    public var disableExecuteApiEndpoint: Bool?
    /// The request member `disableSchemaValidation`; `nil` when the request does not give it.
    public var disableSchemaValidation: Bool?
    /// The request member `version`; `nil` when the request does not give it.
    public var version: String?
    /// The request member `ipAddressType`; `nil` when the request does not give it.
    public var ipAddressType: IPAddressType?
    /// Tags, on create only (UpdateApi has no tags; use TagResource).
    public var tags: Tags?
    /// Quick create: the Lambda ARN or URL the API's single integration targets.
    public var target: String?
    /// Quick create: the key of the API's single route (`$default` if not given).
    public var routeKey: String?
    /// Quick create: the role the integration assumes.
    public var credentialsArn: String?

    /// Creates an input; every member is optional.
    public init(
        name: String? = nil, protocolType: ProtocolType? = nil, description: String? = nil,
        routeSelectionExpression: String? = nil, apiKeySelectionExpression: String? = nil,
        corsConfiguration: CorsConfiguration? = nil, disableExecuteApiEndpoint: Bool? = nil,
        disableSchemaValidation: Bool? = nil, version: String? = nil, ipAddressType: IPAddressType? = nil,
        tags: Tags? = nil, target: String? = nil, routeKey: String? = nil, credentialsArn: String? = nil
    ) {
        self.name = name
        self.protocolType = protocolType
        self.description = description
        self.routeSelectionExpression = routeSelectionExpression
        self.apiKeySelectionExpression = apiKeySelectionExpression
        self.corsConfiguration = corsConfiguration
        self.disableExecuteApiEndpoint = disableExecuteApiEndpoint
        self.disableSchemaValidation = disableSchemaValidation
        self.version = version
        self.ipAddressType = ipAddressType
        self.tags = tags
        self.target = target
        self.routeKey = routeKey
        self.credentialsArn = credentialsArn
    }
}
