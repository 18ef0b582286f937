/// What a definition (an OpenAPI document) declares for one HTTP API, as the inputs of the
/// operations that would build it one call at a time: ImportApi applies all of it in one write.
public struct APIImportPlan: Hashable, Sendable {
    /// The API itself (its name, description, version, CORS and tags).
    public var api: APIInput
    /// The authorizers, each under the name routes refer to it by.
    public var authorizers: [ImportedAuthorizer]
    /// The integrations, each under a key routes refer to it by (a shared integration's name, or
    /// the place of an inline one).
    public var integrations: [ImportedIntegration]
    /// The routes, in the document's order.
    public var routes: [ImportedRoute]
    /// What the definition holds that does not block the import but was not imported as written.
    public var warnings: [String]

    /// Creates a plan.
    public init(
        api: APIInput, authorizers: [ImportedAuthorizer] = [], integrations: [ImportedIntegration] = [],
        routes: [ImportedRoute] = [], warnings: [String] = []
    ) {
        self.api = api
        self.authorizers = authorizers
        self.integrations = integrations
        self.routes = routes
        self.warnings = warnings
    }
}
