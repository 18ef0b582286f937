extension VpcLink {
    /// Checks every rule on this VPC link.
    /// - Throws: ``RegistryError/Code/badRequest`` for a bad name, subnet or security group id,
    ///   ``RegistryError/Code/tooManyRequests`` for more subnets than `quotas` allow.
    func checkRules(quotas: Quotas) throws(RegistryError) {
        try FieldRules.check(name, member: "name", length: 1...128)
        try FieldRules.check(tags: tags)
        guard !subnetIDs.isEmpty else { throw .badRequest("subnetIds must name at least one subnet.") }
        guard subnetIDs.count <= quotas.subnetsPerVpcLink else {
            throw .quotaExceeded(
                "Limit exceeded: a VPC link may use at most \(quotas.subnetsPerVpcLink) subnets, got \(subnetIDs.count).",
                limitType: "SubnetsPerVpcLink")
        }
        for subnet in subnetIDs where !Self.isResourceID(subnet, prefix: "subnet-") {
            throw .badRequest("Invalid subnet id '\(subnet.prefix(100))': expected subnet- and 8 or 17 hex digits.")
        }
        for group in securityGroupIDs where !Self.isResourceID(group, prefix: "sg-") {
            throw .badRequest("Invalid security group id '\(group.prefix(100))': expected sg- and 8 or 17 hex digits.")
        }
        guard Set(subnetIDs).count == subnetIDs.count, Set(securityGroupIDs).count == securityGroupIDs.count else {
            throw .badRequest("subnetIds and securityGroupIds must not repeat an id.")
        }
    }

    private static func isResourceID(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let digits = text.utf8.dropFirst(prefix.utf8.count)
        return (digits.count == 8 || digits.count == 17)
            && digits.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
