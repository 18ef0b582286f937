/// The members of a CreateDeployment or UpdateDeployment request; `nil` means "not given".
public struct DeploymentInput: Sendable, Decodable {
    /// The request member `description`; `nil` when the request does not give it.
    public var description: String?
    /// On create: the stage that should serve the new deployment.
    public var stageName: String?

    /// Creates an input; every member is optional.
    public init(description: String? = nil, stageName: String? = nil) {
        self.description = description
        self.stageName = stageName
    }
}
