/// How API Gateway reaches an integration's backend.
public enum IntegrationType: String, Sendable, Codable, CaseIterable {
    case awsProxy = "AWS_PROXY"
    case httpProxy = "HTTP_PROXY"
    case aws = "AWS"
    case http = "HTTP"
    case mock = "MOCK"
}
