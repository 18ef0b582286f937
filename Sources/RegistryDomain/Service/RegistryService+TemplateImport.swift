extension RegistryService {
    /// The operation name an import of a template records, once per stream it changes.
    public static let templateImportOperation = "ImportCloudFormation"

    /// Imports a template (extension): makes the VPC links, APIs (with their models, authorizers,
    /// integrations, routes, route and integration responses, deployments and stages), custom domain
    /// names and API mappings the plan declares, in one write. Every rule of the operations that
    /// would make them one call at a time applies, with the same error codes; a refused import
    /// changes nothing.
    ///
    /// The write records one change (``templateImportOperation``) per stream: each VPC link, then
    /// each API, then each domain name that gets a mapping or is new — in that order, so every
    /// change's rows read back as of that change (an API exists before a mapping names it).
    /// - Throws: ``RegistryError/Code/badRequest`` for a plan that makes nothing, or with
    ///   `failOnWarnings` and warnings ("Warnings found during import: …"); otherwise what the create
    ///   operations throw for the same content, the message prefixed with the place in the template
    ///   (`/Resources/<logical ID>`), e.g. ``RegistryError/Code/notFound`` for a mapping onto a domain
    ///   name the registry does not have, ``RegistryError/Code/conflict`` for one it has already.
    public func importTemplate(
        _ plan: TemplateImportPlan, failOnWarnings: Bool
    ) async throws(RegistryError) -> TemplateImportResult {
        try Self.checkWarnings(plan.warnings, failOnWarnings: failOnWarnings)
        guard !plan.vpcLinks.isEmpty || !plan.apis.isEmpty || !plan.domainNames.isEmpty || !plan.apiMappings.isEmpty
        else {
            throw .badRequest(
                "The template declares nothing the registry holds (no AWS::ApiGatewayV2 resource could be imported).")
        }
        let now = clock()
        let quotas = self.quotas
        // What needs no registry is checked before the write takes its slot.
        var links: [VpcLink] = []
        for imported in plan.vpcLinks {
            links.append(
                try Self.located(imported.pointer) { () throws(RegistryError) in
                    try Self.newVpcLink(imported.input, quotas: quotas, at: now)
                })
        }
        var apis: [API] = []
        for imported in plan.apis {
            apis.append(
                try Self.located(imported.pointer) { () throws(RegistryError) in
                    try Self.newAPI(imported.plan.api, at: now)
                })
        }
        var domainNames: [DomainName] = []
        for imported in plan.domainNames {
            domainNames.append(
                try Self.located(imported.pointer) { () throws(RegistryError) in
                    try Self.newDomainName(imported.input, at: now)
                })
        }
        return try await store.write { [links, apis, domainNames] registry throws(RegistryError) in
            var result = TemplateImportResult(warnings: plan.warnings)
            var vpcLinkIDs: [String: VpcLinkID] = [:]
            for (imported, provisional) in zip(plan.vpcLinks, links) {
                var link = provisional
                link.id = try Self.newID(unusedIn: registry)
                try registry.record(
                    Self.templateImportOperation, .vpcLink, link.id.rawValue, in: .vpcLink(link.id), at: now)
                try registry.insert(link)
                vpcLinkIDs[imported.key] = link.id
                result.vpcLinks.append((imported.key, link))
            }
            var apiIDs: [String: APIID] = [:]
            for (imported, provisional) in zip(plan.apis, apis) {
                var api = provisional
                api.id = try Self.newID(unusedIn: registry)
                try registry.record(Self.templateImportOperation, .api, api.id.rawValue, in: .api(api.id), at: now)
                try registry.insert(api)
                try Self.importParts(of: imported, into: api, registry, quotas: quotas, vpcLinkIDs: vpcLinkIDs, at: now)
                apiIDs[imported.key] = api.id
                result.apis.append((imported.key, api))
            }
            try Self.importDomainNames(
                plan, made: domainNames, apiIDs: apiIDs, registry, quotas: quotas, at: now, into: &result)
            return result
        }
    }

    /// Inserts an imported API's parts, each checked by its create operation's rules, in the order
    /// their references need: models, authorizers, integrations and routes, integration and route
    /// responses, deployments, stages, then deployments that deploy a stage; stages that deploy
    /// automatically deploy.
    private static func importParts(
        of imported: ImportedAPI, into api: API, _ registry: any RegistryWriteTransaction, quotas: Quotas,
        vpcLinkIDs: [String: VpcLinkID], at now: Timestamp
    ) throws(RegistryError) {
        try located(imported.pointer) { () throws(RegistryError) in
            try insertQuickCreateParts(of: api, imported.plan.api, in: registry, at: now)
        }
        for model in imported.models {
            try registry.insert(
                try located(model.pointer) { () throws(RegistryError) in
                    try newModel(model.input, in: api, using: registry)
                })
        }
        let (integrationIDs, routeIDs) = try replaceParts(
            of: APISnapshot(api: api), with: imported.plan, api: api, registry, quotas: quotas, vpcLinkIDs: vpcLinkIDs)
        for response in imported.integrationResponses {
            let integrationID = try madeID(integrationIDs, response.parentKey, "integration")
            try registry.insert(
                try located(response.pointer) { () throws(RegistryError) in
                    try newIntegrationResponse(response.input, of: integrationID, in: api, using: registry)
                })
        }
        for response in imported.routeResponses {
            let routeID = try madeID(routeIDs, response.parentKey, "route")
            try registry.insert(
                try located(response.pointer) { () throws(RegistryError) in
                    try newRouteResponse(response.input, of: routeID, in: api, using: registry)
                })
        }
        var deploymentIDs: [String: DeploymentID] = [:]
        func deploy(_ imported: ImportedResource<DeploymentInput>) throws(RegistryError) {
            let (deployment, stage) = try located(imported.pointer) { () throws(RegistryError) in
                try newDeployment(imported.input, in: api.id, using: registry, at: now)
            }
            try registry.insert(deployment)
            if let stage { try registry.update(stage) }
            deploymentIDs[imported.key] = deployment.id
        }
        for deployment in imported.deployments where deployment.input.stageName == nil { try deploy(deployment) }
        for stage in imported.stages {
            var input = stage.input
            if let key = stage.deploymentKey {
                input.deploymentId = try madeID(deploymentIDs, key, "deployment").rawValue
            }
            try registry.insert(
                try located(stage.pointer) { () throws(RegistryError) in
                    try newStage(input, in: api, using: registry, quotas: quotas, at: now)
                })
        }
        for deployment in imported.deployments where deployment.input.stageName != nil { try deploy(deployment) }
        if !imported.stages.isEmpty { try deployAutomatically(api.id, in: registry, at: now) }
    }

    /// Inserts the plan's domain names and API mappings: each domain name the template makes, with
    /// the mappings onto it, then each registered domain name the template maps onto, with those —
    /// one change record per domain name.
    private static func importDomainNames(
        _ plan: TemplateImportPlan, made domainNames: [DomainName], apiIDs: [String: APIID],
        _ registry: any RegistryWriteTransaction, quotas: Quotas, at now: Timestamp,
        into result: inout TemplateImportResult
    ) throws(RegistryError) {
        var order: [DomainNameID] = domainNames.map(\.name)
        var mappings: [DomainNameID: [ImportedAPIMapping]] = [:]
        for mapping in plan.apiMappings {
            let name = try located(mapping.pointer) { () throws(RegistryError) in
                try DomainNameID(validating: try FieldRules.require(mapping.domainName, member: "domainName"))
            }
            if mappings[name] == nil, !order.contains(name) { order.append(name) }
            mappings[name, default: []].append(mapping)
        }
        let made = Dictionary(zip(domainNames.map(\.name), zip(plan.domainNames, domainNames))) { first, _ in first }
        for name in order {
            if let (imported, domainName) = made[name] {
                try located(imported.pointer) { () throws(RegistryError) in
                    try checkUnregistered(name, in: registry)
                }
                try registry.record(templateImportOperation, .domainName, name.rawValue, in: .domainName(name), at: now)
                try registry.insert(domainName)
                result.domainNames.append((imported.key, domainName))
            } else {
                let pointer = mappings[name]?.first?.pointer ?? ""
                _ = try located(pointer) { () throws(RegistryError) in try existingDomainName(name, registry) }
                try registry.record(templateImportOperation, .domainName, name.rawValue, in: .domainName(name), at: now)
            }
            for imported in mappings[name] ?? [] {
                var input = imported.input
                input.apiId = try madeID(apiIDs, imported.apiKey, "API").rawValue
                try registry.insert(
                    try located(imported.pointer) { () throws(RegistryError) in
                        try newAPIMapping(input, on: name, using: registry, quotas: quotas)
                    })
            }
        }
    }

    /// The id a part made by the same import got under `key`.
    /// - Throws: ``RegistryError/Code/internalFailure`` when nothing was made under it (the plan
    ///   refers to what it does not declare).
    private static func madeID<ID>(_ ids: [String: ID], _ key: String, _ kind: String) throws(RegistryError) -> ID {
        guard let id = ids[key] else {
            throw RegistryError(.internalFailure, "An imported part names \(kind) key \(key), never made.")
        }
        return id
    }
}
