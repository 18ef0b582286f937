extension Integration {
    /// Points a quick-created integration at `target`, as CreateApi and UpdateApi do: a Lambda
    /// function ARN or invocation URI makes it an `AWS_PROXY` integration (payload format 2.0), an
    /// http(s) URL an `HTTP_PROXY` integration (method `ANY`, payload format 1.0).
    /// - Throws: ``RegistryError/Code/badRequest`` for a target that is neither.
    mutating func pointQuickCreate(at target: String) throws(RegistryError) {
        try FieldRules.check(target, member: "target", length: 1...2048)
        integrationURI = target
        switch IntegrationTarget(uri: target) {
        case .lambdaFunction, .lambdaInvocation:
            integrationType = .awsProxy
            integrationMethod = "POST"
            payloadFormatVersion = "2.0"
        case .url:
            integrationType = .httpProxy
            integrationMethod = "ANY"
            payloadFormatVersion = "1.0"
        default:
            throw .badRequest(
                "Invalid target '\(target.prefix(300))': expected a Lambda function ARN or an http(s) URL.")
        }
    }
}
