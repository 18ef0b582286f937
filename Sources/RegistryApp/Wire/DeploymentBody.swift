import RegistryDomain

/// The wire form of a deployment.
struct DeploymentBody: Encodable {
    let autoDeployed: Bool
    let createdDate: String
    let deploymentId: String
    let deploymentStatus: String
    let description: String?

    /// The wire form of `deployment`.
    init(_ deployment: Deployment) {
        autoDeployed = deployment.autoDeployed
        createdDate = deployment.createdDate.iso8601
        deploymentId = deployment.id.rawValue
        deploymentStatus = deployment.status
        description = deployment.description
    }
}
