/// How `AWS::Lambda::Permission`s are scoped.
public enum LambdaPermissionScope: String, Sendable, CaseIterable {
    /// One permission per distinct (function, route path), as CDK emits them.
    case route
    /// One permission per function, for any route of the API (`…/*/*/*`).
    case function
}
