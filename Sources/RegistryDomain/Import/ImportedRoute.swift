/// A route a definition declares, with its integration and authorizer by the keys the plan gives
/// them (the ids are drawn when the import is applied).
public struct ImportedRoute: Hashable, Sendable {
    /// Where the definition declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The key its route responses refer to it by (a template's logical ID); its pointer when the
    /// definition gives none.
    public var key: String
    /// The route's members but its target and authorizer id.
    public var input: RouteInput
    /// The key of the integration it targets, if any.
    public var integrationKey: String?
    /// The name of the authorizer it uses, if any.
    public var authorizerName: String?

    /// Creates an imported route.
    public init(
        pointer: String, input: RouteInput, integrationKey: String? = nil, authorizerName: String? = nil,
        key: String? = nil
    ) {
        self.pointer = pointer
        self.key = key ?? pointer
        self.input = input
        self.integrationKey = integrationKey
        self.authorizerName = authorizerName
    }
}
