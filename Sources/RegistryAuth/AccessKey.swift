/// An AWS-style access key: the id a SigV4 signature names and the secret it is signed with.
public struct AccessKey: Sendable, Hashable {
    /// The access key id (`AKIA…`), sent in the clear in the credential scope.
    public let accessKeyID: String
    /// The secret access key; never logged, never sent.
    public let secretAccessKey: String

    /// Creates an access key.
    public init(accessKeyID: String, secretAccessKey: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
    }
}
