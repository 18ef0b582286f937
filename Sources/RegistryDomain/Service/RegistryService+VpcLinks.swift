extension RegistryService {
    /// CreateVpcLink; registry VPC links are `AVAILABLE` at once.
    /// - Throws: ``RegistryError/Code/badRequest`` for a member that breaks a rule,
    ///   ``RegistryError/Code/tooManyRequests`` for too many subnets.
    public func createVpcLink(_ input: VpcLinkInput) async throws(RegistryError) -> VpcLink {
        let now = clock()
        let link = try Self.newVpcLink(input, quotas: quotas, at: now)
        return try await store.write { registry throws(RegistryError) in
            var link = link
            link.id = try Self.newID(unusedIn: registry)
            try registry.record("CreateVpcLink", .vpcLink, link.id.rawValue, in: .vpcLink(link.id), at: now)
            try registry.insert(link)
            return link
        }
    }

    /// GetVpcLink.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id.
    public func vpcLink(_ id: VpcLinkID) async throws(RegistryError) -> VpcLink {
        try await store.read { registry throws(RegistryError) in try Self.existingVpcLink(id, registry) }
    }

    /// GetVpcLinks.
    public func vpcLinks(_ page: PageRequest) async throws(RegistryError) -> Page<VpcLink> {
        try await store.read { registry throws(RegistryError) in try registry.vpcLinks(page) }
    }

    /// UpdateVpcLink: only the name can change.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id, ``RegistryError/Code/badRequest``
    ///   for a bad name or an attempt to change subnets or security groups.
    public func updateVpcLink(_ id: VpcLinkID, _ input: VpcLinkInput) async throws(RegistryError) -> VpcLink {
        guard input.subnetIds == nil, input.securityGroupIds == nil, input.tags == nil else {
            throw .badRequest("UpdateVpcLink can change only the name.")
        }
        let quotas = self.quotas
        let now = clock()
        return try await store.write { registry throws(RegistryError) in
            var link = try Self.existingVpcLink(id, registry)
            if let name = input.name { link.name = name }
            try link.checkRules(quotas: quotas)
            try registry.record("UpdateVpcLink", .vpcLink, link.id.rawValue, in: .vpcLink(link.id), at: now)
            try registry.update(link)
            return link
        }
    }

    /// DeleteVpcLink.
    /// - Throws: ``RegistryError/Code/notFound`` for an unknown id, ``RegistryError/Code/conflict``
    ///   (naming the APIs) while integrations use it.
    public func deleteVpcLink(_ id: VpcLinkID) async throws(RegistryError) {
        let now = clock()
        try await store.write { registry throws(RegistryError) in
            _ = try Self.existingVpcLink(id, registry)
            let apis = try registry.apis(usingVpcLink: id)
            guard apis.isEmpty else {
                throw RegistryError.conflict(
                    "VPC link \(id) is used by integrations of APIs \(apis.map(\.rawValue).joined(separator: ", ")); "
                        + "delete or change those integrations first.")
            }
            try registry.record("DeleteVpcLink", .vpcLink, id.rawValue, in: .vpcLink(id), at: now)
            try registry.deleteVpcLink(id)
        }
    }

    static func existingVpcLink(
        _ id: VpcLinkID, _ registry: any RegistryReadTransaction
    ) throws(RegistryError) -> VpcLink {
        guard let link = try registry.vpcLink(id) else {
            throw RegistryError.notFound("Invalid VPC link identifier specified: \(id).")
        }
        return link
    }

    /// The VPC link `input` describes, checked, under a provisional id (the write draws the real one).
    /// - Throws: ``RegistryError/Code/badRequest`` for a missing or malformed member or too many subnets.
    static func newVpcLink(_ input: VpcLinkInput, quotas: Quotas, at now: Timestamp) throws(RegistryError) -> VpcLink {
        let link = VpcLink(
            id: VpcLinkID(uncheckedRawValue: "provisional"), name: try FieldRules.require(input.name, member: "name"),
            subnetIDs: try FieldRules.require(input.subnetIds, member: "subnetIds"),
            securityGroupIDs: input.securityGroupIds ?? [], tags: input.tags ?? [:], createdDate: now)
        try link.checkRules(quotas: quotas)
        return link
    }
}
