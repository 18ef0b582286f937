/// Someone the registry knows: a person or a pipeline, with a role and the credentials it may use.
public struct Principal: Sendable, Hashable {
    /// The name shown in logs.
    public let name: String
    /// What the principal may do.
    public let role: Role

    /// Creates a principal.
    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }
}
