/// Mutual TLS of a custom domain name: the truststore of client certificates in S3.
public struct MutualTLSAuthentication: Hashable, Sendable, Codable {
    /// The truststore, `s3://bucket/key`.
    public var truststoreUri: String?
    /// The S3 object version of the truststore.
    public var truststoreVersion: String?

    /// Creates the settings.
    public init(truststoreUri: String? = nil, truststoreVersion: String? = nil) {
        self.truststoreUri = truststoreUri
        self.truststoreVersion = truststoreVersion
    }
}
