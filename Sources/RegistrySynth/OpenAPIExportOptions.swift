public import RegistryDomain

/// Choices of an OpenAPI export (ExportApi's query parameters).
public struct OpenAPIExportOptions: Hashable, Sendable {
    /// Whether to include API Gateway's `x-amazon-apigateway-*` extensions (AWS's default: yes).
    public var includeExtensions: Bool
    /// The stage whose URL the document's server names, if any.
    public var stage: StageName?
    /// The region in the server URL.
    public var region: String

    /// Creates options.
    public init(includeExtensions: Bool = true, stage: StageName? = nil, region: String = "us-east-1") {
        self.includeExtensions = includeExtensions
        self.stage = stage
        self.region = region
    }
}
