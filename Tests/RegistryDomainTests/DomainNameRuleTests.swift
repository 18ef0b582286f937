import RegistryTestSupport
import Testing

@testable import RegistryDomain

/// The rules on custom domain names and API mapping keys that need no other entity.
@Suite("Domain name rules")
struct DomainNameRuleTests {
    static let certificate = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

    static let valid = DomainName(
        name: DomainNameID(uncheckedRawValue: "api.example.com"), endpointID: "d-0123456789",
        configuration: DomainNameConfiguration(
            certificateArn: certificate, endpointType: .regional, securityPolicy: .tls12),
        createdDate: Sample.epoch)

    @Test(
        "domain names are fully qualified DNS names, lowercased",
        arguments: [
            ("api.example.com", "api.example.com"), ("API.Example.COM", "api.example.com"),
            ("*.example.com", "*.example.com"), ("a-b.c0.example.io", "a-b.c0.example.io"),
            (String(repeating: "a", count: 63) + ".com", String(repeating: "a", count: 63) + ".com"),
        ])
    func validNames(text: String, stored: String) throws {
        #expect(try DomainNameID(validating: text).rawValue == stored)
    }

    @Test(
        "malformed domain names are refused",
        arguments: [
            "", "localhost", "example.", ".example.com", "api..example.com", "-api.example.com", "api-.example.com",
            "api_v1.example.com", "api.*.example.com", "api example.com", "api.example.123",
            String(repeating: "a", count: 64) + ".com",
            Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: "."), "ëxample.com",
        ])
    func malformedNames(text: String) {
        expectRegistryError(.badRequest) { () throws(RegistryError) in _ = try DomainNameID(validating: text) }
    }

    static let cases: [RuleCase<DomainName>] = [
        RuleCase("valid", nil) { _ in },
        RuleCase("EDGE endpoint", .badRequest) { $0.configuration.endpointType = .edge },
        RuleCase("TLS 1.0", .badRequest) { $0.configuration.securityPolicy = .tls10 },
        RuleCase("no certificate", .badRequest) { $0.configuration.certificateArn = nil },
        RuleCase("certificate of another service", .badRequest) {
            $0.configuration.certificateArn = "arn:aws:iam::123456789012:server-certificate/x"
        },
        RuleCase("certificate without an account", .badRequest) {
            $0.configuration.certificateArn = "arn:aws:acm:us-east-1::certificate/x"
        },
        RuleCase("certificate name of 128", nil) {
            $0.configuration.certificateName = String(repeating: "c", count: 128)
        },
        RuleCase("certificate name of 129", .badRequest) {
            $0.configuration.certificateName = String(repeating: "c", count: 129)
        },
        RuleCase("mutual TLS", nil) {
            $0.mutualTLSAuthentication = MutualTLSAuthentication(
                truststoreUri: "s3://bucket/ca.pem", truststoreVersion: "1")
        },
        RuleCase("truststore not in S3", .badRequest) {
            $0.mutualTLSAuthentication = MutualTLSAuthentication(truststoreUri: "https://bucket/ca.pem")
        },
        RuleCase("truststore without a key", .badRequest) {
            $0.mutualTLSAuthentication = MutualTLSAuthentication(truststoreUri: "s3://bucket/")
        },
        RuleCase("truststore without a bucket", .badRequest) {
            $0.mutualTLSAuthentication = MutualTLSAuthentication(truststoreUri: "s3:///ca.pem")
        },
        RuleCase("truststore version of 65", .badRequest) {
            $0.mutualTLSAuthentication = MutualTLSAuthentication(
                truststoreUri: "s3://bucket/ca.pem", truststoreVersion: String(repeating: "v", count: 65))
        },
        RuleCase("ownership certificate with mutual TLS", nil) {
            $0.mutualTLSAuthentication = MutualTLSAuthentication(truststoreUri: "s3://bucket/ca.pem")
            $0.configuration.ownershipVerificationCertificateArn = DomainNameRuleTests.certificate
        },
        RuleCase("ownership certificate without mutual TLS", .badRequest) {
            $0.configuration.ownershipVerificationCertificateArn = DomainNameRuleTests.certificate
        },
        RuleCase("51 tags", .badRequest) { $0.tags = Sample.tags(51) },
    ]

    @Test("domain name rules", arguments: cases)
    func rules(_ row: RuleCase<DomainName>) {
        let domainName = row.applied(to: Self.valid)
        expectOutcome(row.expected) { () throws(RegistryError) in try domainName.checkRules() }
    }

    @Test("a request holds exactly one configuration; REGIONAL and TLS_1_2 are the defaults")
    func configurations() throws {
        let filled = try DomainName.configuration(from: [DomainNameConfiguration(certificateArn: Self.certificate)])
        #expect(filled.endpointType == .regional)
        #expect(filled.securityPolicy == .tls12)
        for list in [nil, [], [filled, filled]] as [[DomainNameConfiguration]?] {
            expectRegistryError(.badRequest) { () throws(RegistryError) in
                _ = try DomainName.configuration(from: list)
            }
        }
    }

    @Test("an update replaces the configuration, and an empty truststoreUri turns mutual TLS off")
    func update() throws {
        var domainName = Self.valid
        domainName.mutualTLSAuthentication = MutualTLSAuthentication(truststoreUri: "s3://bucket/ca.pem")
        try domainName.apply(
            DomainNameInput(
                domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate + "1")],
                mutualTlsAuthentication: MutualTLSAuthentication(truststoreUri: "")))
        #expect(domainName.configuration.certificateArn == Self.certificate + "1")
        #expect(domainName.configuration.securityPolicy == .tls12)
        #expect(domainName.mutualTLSAuthentication == nil)
        #expect(domainName.routingMode == .apiMappingOnly)
    }

    @Test(
        "API mapping keys: AWS's characters, at most 300, levels only for HTTP APIs",
        arguments: [
            ("", ProtocolType.http, nil), ("orders", .http, nil), ("v1/orders/items", .http, nil),
            ("$-_.+!*'()", .http, nil), (String(repeating: "k", count: 300), .http, nil),
            (String(repeating: "k", count: 301), .http, RegistryError.Code.badRequest), ("/orders", .http, .badRequest),
            ("orders/", .http, .badRequest), ("v1//orders", .http, .badRequest), ("or ders", .http, .badRequest),
            ("orders?x", .http, .badRequest), ("ördersß", .http, .badRequest), ("chat", .websocket, nil),
            ("$context.apiId", .websocket, nil), ("v1/chat", .websocket, .badRequest),
        ] as [(String, ProtocolType, RegistryError.Code?)])
    func mappingKeys(key: String, protocolType: ProtocolType, expected: RegistryError.Code?) {
        expectOutcome(expected) { () throws(RegistryError) in try APIMapping.checkKey(key, for: protocolType) }
    }
}
