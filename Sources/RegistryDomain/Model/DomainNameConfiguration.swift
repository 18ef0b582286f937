/// The endpoint configuration of a custom domain name: its certificate, endpoint type and TLS policy.
public struct DomainNameConfiguration: Hashable, Sendable, Codable {
    /// The ACM certificate for the name.
    public var certificateArn: String?
    /// A user-friendly name for the certificate.
    public var certificateName: String?
    /// The endpoint type (REGIONAL unless given).
    public var endpointType: EndpointType?
    /// The TLS policy (TLS_1_2 unless given).
    public var securityPolicy: SecurityPolicy?
    /// The public certificate that proves ownership of the name (mutual TLS with a private or imported certificate).
    public var ownershipVerificationCertificateArn: String?
    /// The IP address types the endpoint accepts (ipv4 unless given).
    public var ipAddressType: IPAddressType?

    /// Creates a configuration; every member is optional on the wire.
    public init(
        certificateArn: String? = nil, certificateName: String? = nil, endpointType: EndpointType? = nil,
        securityPolicy: SecurityPolicy? = nil, ownershipVerificationCertificateArn: String? = nil,
        ipAddressType: IPAddressType? = nil
    ) {
        self.certificateArn = certificateArn
        self.certificateName = certificateName
        self.endpointType = endpointType
        self.securityPolicy = securityPolicy
        self.ownershipVerificationCertificateArn = ownershipVerificationCertificateArn
        self.ipAddressType = ipAddressType
    }
}
