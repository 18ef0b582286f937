/// How a route authorizes callers.
public enum AuthorizationType: String, Sendable, Codable, CaseIterable {
    case none = "NONE"
    case awsIAM = "AWS_IAM"
    case custom = "CUSTOM"
    case jwt = "JWT"
}
