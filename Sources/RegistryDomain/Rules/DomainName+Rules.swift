extension DomainName {
    /// What API Gateway answers for a domain name that the V2 API cannot manage (AWS's wording).
    static let onlyRegionalTLS12 =
        "Only REGIONAL domain names with a security policy of TLS 1.2 can be managed through the API Gateway V2 API."

    /// The one endpoint configuration of a request, with AWS's defaults filled in (REGIONAL,
    /// TLS_1_2).
    /// - Throws: ``RegistryError/Code/badRequest`` unless exactly one configuration is given.
    public static func configuration(
        from list: [DomainNameConfiguration]?
    ) throws(RegistryError)
        -> DomainNameConfiguration
    {
        guard let list, list.count == 1, var configuration = list.first else {
            throw .badRequest(
                "domainNameConfigurations must hold exactly one configuration (with its certificateArn), got "
                    + "\(list?.count ?? 0).")
        }
        if configuration.endpointType == nil { configuration.endpointType = .regional }
        if configuration.securityPolicy == nil { configuration.securityPolicy = .tls12 }
        return configuration
    }

    /// Applies the members of an UpdateDomainName: a new configuration replaces the old one (members
    /// it leaves out take AWS's defaults); mutual TLS with an empty `truststoreUri` is turned off.
    /// - Throws: ``RegistryError/Code/badRequest`` for a configuration list that is not exactly one.
    mutating func apply(_ input: DomainNameInput) throws(RegistryError) {
        if input.domainNameConfigurations != nil {
            configuration = try Self.configuration(from: input.domainNameConfigurations)
        }
        if let tls = input.mutualTlsAuthentication {
            mutualTLSAuthentication = tls.truststoreUri?.isEmpty == false ? tls : nil
        }
        if let mode = input.routingMode { routingMode = mode }
    }

    /// Checks every rule on this domain name.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the first member that breaks a rule.
    func checkRules() throws(RegistryError) {
        try FieldRules.check(tags: tags)
        guard configuration.endpointType == .regional else {
            throw .badRequest(Self.onlyRegionalTLS12 + " Got endpointType EDGE.")
        }
        guard configuration.securityPolicy == .tls12 else {
            throw .badRequest("TLS_1_0 is not supported for APIGatewayV2 domainName. " + Self.onlyRegionalTLS12)
        }
        let certificate = try FieldRules.require(
            configuration.certificateArn, member: "domainNameConfigurations[0].certificateArn")
        try Self.checkCertificate(certificate, member: "certificateArn")
        try FieldRules.check(
            configuration.certificateName, member: "domainNameConfigurations[0].certificateName", length: 1...128)
        if let ownership = configuration.ownershipVerificationCertificateArn {
            try Self.checkCertificate(ownership, member: "ownershipVerificationCertificateArn")
            guard mutualTLSAuthentication != nil else {
                throw .badRequest(
                    "ownershipVerificationCertificateArn is supported only with mutualTlsAuthentication: it proves "
                        + "ownership of a name that uses mutual TLS with a private or imported certificate.")
            }
        }
        if let tls = mutualTLSAuthentication {
            let uri = try FieldRules.require(tls.truststoreUri, member: "mutualTlsAuthentication.truststoreUri")
            try FieldRules.check(uri, member: "mutualTlsAuthentication.truststoreUri", length: 1...2048)
            let path = uri.dropFirst("s3://".count)
            guard uri.hasPrefix("s3://"), let slash = path.firstIndex(of: "/"), slash != path.startIndex,
                path.index(after: slash) != path.endIndex
            else {
                throw .badRequest(
                    "Invalid truststoreUri '\(uri.prefix(300))': expected the truststore's S3 object, s3://bucket/key.")
            }
            try FieldRules.check(
                tls.truststoreVersion, member: "mutualTlsAuthentication.truststoreVersion", length: 1...64)
        }
    }

    private static func checkCertificate(_ text: String, member: String) throws(RegistryError) {
        guard let arn = AmazonResourceName(text), arn.service == "acm", arn.hasRegion, arn.hasAccount,
            arn.resource.hasPrefix("certificate/"), arn.resource.count > "certificate/".count
        else {
            throw .badRequest(
                "Invalid \(member) '\(text.prefix(300))': expected an ACM certificate ARN, "
                    + "arn:aws:acm:{region}:{account}:certificate/{id}.")
        }
    }
}
