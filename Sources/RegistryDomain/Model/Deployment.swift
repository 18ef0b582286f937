/// A deployment: a snapshot of an API that stages can serve.
public struct Deployment: Hashable, Sendable {
    /// The deployment's identifier.
    public var id: DeploymentID
    /// The API the deployment belongs to.
    public var apiID: APIID
    /// A description, at most 1024 characters.
    public var description: String?
    /// Whether an auto-deploy stage made this deployment.
    public var autoDeployed: Bool
    /// When the deployment was made.
    public var createdDate: Timestamp

    /// Creates a deployment value.
    public init(id: DeploymentID, apiID: APIID, description: String? = nil, autoDeployed: Bool, createdDate: Timestamp)
    {
        self.id = id
        self.apiID = apiID
        self.description = description
        self.autoDeployed = autoDeployed
        self.createdDate = createdDate
    }

    /// Registry deployments are recorded, not executed, so every one is `DEPLOYED`.
    public var status: String { "DEPLOYED" }
}
