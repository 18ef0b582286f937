/// One way an API reaches a backend: an integration that calls it (and the routes targeting that
/// integration), or a Lambda authorizer that calls it (and the routes it authorizes).
public struct BackendUse: Sendable {
    /// The API, without its tags (``API/tags`` is empty).
    public let api: API
    /// The integration that reaches the backend, or `nil` for an authorizer's use.
    public let integration: Integration?
    /// The authorizer that calls the backend, or `nil` for an integration's use.
    public let authorizer: Authorizer?
    /// The routes that go through it, in creation order.
    public let routes: [Route]

    /// Creates a use.
    public init(api: API, integration: Integration?, authorizer: Authorizer?, routes: [Route]) {
        self.api = api
        self.integration = integration
        self.authorizer = authorizer
        self.routes = routes
    }
}
