/// The members of a CreateApi or UpdateApi request; `nil` means "not given".
public struct APIInput: Sendable, Decodable {
    public var name: String?
    public var protocolType: ProtocolType?
    public var description: String?
    public var routeSelectionExpression: String?
    public var apiKeySelectionExpression: String?
    public var corsConfiguration: CorsConfiguration?
    public var disableExecuteApiEndpoint: Bool?
    public var disableSchemaValidation: Bool?
    public var version: String?
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
