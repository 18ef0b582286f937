/// The kind of an authorizer: a Lambda REQUEST authorizer or a JWT authorizer.
public enum AuthorizerType: String, Sendable, Codable, CaseIterable {
    case request = "REQUEST"
    case jwt = "JWT"
}
