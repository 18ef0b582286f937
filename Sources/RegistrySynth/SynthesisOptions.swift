/// Choices a caller can make about a synthesized template.
public struct SynthesisOptions: Hashable, Sendable {
    /// CloudFormation's limit on resources per template.
    public static let cloudFormationResourceLimit = 500
    /// Route-scoped permissions one function may get before its policy nears Lambda's 20 KB limit.
    public static let routePermissionsPerFunctionLimit = 20

    /// The permission scope; `nil` chooses automatically: route scope unless the template would
    /// exceed ``cloudFormationResourceLimit`` resources or give one function more than
    /// ``routePermissionsPerFunctionLimit`` route-scoped permissions, then function scope.
    public var permissionScope: LambdaPermissionScope?

    /// Creates options.
    public init(permissionScope: LambdaPermissionScope? = nil) { self.permissionScope = permissionScope }
}
