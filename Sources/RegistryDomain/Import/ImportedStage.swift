/// A stage a template declares, with the deployment it serves by the key the plan gives it.
public struct ImportedStage: Sendable {
    /// The key others refer to it by (a template's logical ID).
    public var key: String
    /// Where the template declares it (a JSON pointer), for the errors of its rules.
    public var pointer: String
    /// The stage's members but its deployment id.
    public var input: StageInput
    /// The key of the deployment (made by the same import) it serves, if any.
    public var deploymentKey: String?

    /// Creates an imported stage.
    public init(key: String, pointer: String, input: StageInput, deploymentKey: String? = nil) {
        self.key = key
        self.pointer = pointer
        self.input = input
        self.deploymentKey = deploymentKey
    }
}
