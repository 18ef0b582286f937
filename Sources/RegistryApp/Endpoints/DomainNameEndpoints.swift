import Hummingbird
import RegistryDomain
import RegistrySynth

/// `/v2/domainnames[/{domainName}]`: the custom domain name operations, and the extension
/// `/v2/domainnames/{domainName}/template` (the CloudFormation template that creates the name).
struct DomainNameEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/domainnames") { request, context in
            let input = try await WireJSON.decode(DomainNameInput.self, from: request, limit: bodyLimit)
            let domainName = try await service.createDomainName(input)
            return WireJSON.response(DomainNameBody(domainName, region: context.region), status: .created)
        }
        router.get("/v2/domainnames") { request, context in
            let page = try await service.domainNames(try PageToken.pageRequest(request))
            return WireJSON.response(
                ListBody(page) { DomainNameBody($0, region: context.region) }, status: .ok)
        }
        router.get("/v2/domainnames/:domainName") { _, context in
            let domainName = try await service.domainName(try context.domainName())
            return WireJSON.response(DomainNameBody(domainName, region: context.region), status: .ok)
        }
        router.patch("/v2/domainnames/:domainName") { request, context in
            let name = try context.domainName()
            let input = try await WireJSON.decode(DomainNameInput.self, from: request, limit: bodyLimit)
            let domainName = try await service.updateDomainName(name, input)
            return WireJSON.response(DomainNameBody(domainName, region: context.region), status: .ok)
        }
        router.delete("/v2/domainnames/:domainName") { _, context in
            try await service.deleteDomainName(try context.domainName())
            return Response(status: .noContent)
        }
        router.get("/v2/domainnames/:domainName/template") { request, context in
            let format = try TemplateFormat(request)
            let domainName = try await service.domainName(try context.domainName())
            let template = DomainNameTemplateSynthesizer().synthesize(domainName)
            return format.attachment(
                format == .yaml ? template.yamlBytes : template.jsonBytes,
                fileName: TemplateEndpoints.fileName(domainName.name.rawValue))
        }
    }
}
