/// An HTTP or WebSocket API registered in the catalog.
public struct API: Hashable, Sendable {
    /// The API's identifier.
    public var id: APIID
    /// The API's name, 1–128 characters.
    public var name: String
    /// HTTP or WebSocket; fixed at creation.
    public var protocolType: ProtocolType
    /// A description, at most 1024 characters.
    public var description: String?
    /// How API Gateway selects a route (`$request.method $request.path` for HTTP APIs).
    public var routeSelectionExpression: String
    /// How API Gateway selects an API key (`$request.header.x-api-key` by default).
    public var apiKeySelectionExpression: String
    /// CORS settings (HTTP APIs only).
    public var corsConfiguration: CorsConfiguration?
    /// Whether clients must use a custom domain instead of the default endpoint.
    public var disableExecuteApiEndpoint: Bool
    /// Whether request validation is off (WebSocket APIs).
    public var disableSchemaValidation: Bool?
    /// A version label, 1–64 characters.
    public var version: String?
    /// The IP address types the endpoint accepts.
    public var ipAddressType: IPAddressType
    /// The API's tags.
    public var tags: Tags
    /// When the API was created.
    public var createdDate: Timestamp

    /// Creates an API value; rules are checked by the use cases, not here.
    public init(
        id: APIID, name: String, protocolType: ProtocolType, description: String? = nil,
        routeSelectionExpression: String, apiKeySelectionExpression: String = API.defaultAPIKeySelectionExpression,
        corsConfiguration: CorsConfiguration? = nil, disableExecuteApiEndpoint: Bool = false,
        disableSchemaValidation: Bool? = nil, version: String? = nil, ipAddressType: IPAddressType = .ipv4,
        tags: Tags = [:], createdDate: Timestamp
    ) {
        self.id = id
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
        self.createdDate = createdDate
    }

    /// The route selection expression every HTTP API has.
    public static let httpRouteSelectionExpression = "$request.method $request.path"
    /// The API key selection expression AWS gives an API that names none.
    public static let defaultAPIKeySelectionExpression = "$request.header.x-api-key"

    /// The API's default endpoint in `region`, as AWS reports it in `apiEndpoint`:
    /// `https://{id}.execute-api.{region}.amazonaws.com`, or `wss://…` for WebSocket APIs.
    public func endpoint(region: String) -> String {
        let scheme = protocolType == .http ? "https" : "wss"
        return "\(scheme)://\(id.rawValue).execute-api.\(region).amazonaws.com"
    }
}
