import Hummingbird
import RegistryDomain
import RegistryImport

/// `POST /v2/imports/cloudformation` (extension): the VPC links, APIs, stages, custom domain names
/// and API mappings a CloudFormation template declares, made in one write. The request body is the
/// template itself (JSON or YAML, as `cdk synth` or a person writes it); `region` and `accountId`
/// give `AWS::Region` and `AWS::AccountId` (the region defaults to the request's).
struct TemplateImportEndpoints {
    let service: RegistryService
    let bodyLimit: Int

    func register(on router: Router<RegistryRequestContext>) {
        router.post("/v2/imports/cloudformation") { request, context in
            let query = request.uri.queryParameters
            let failOnWarnings = try request.booleanQuery("failOnWarnings", absent: false)
            var request = request
            let body = try await WireJSON.collectBody(of: &request, limit: bodyLimit)
            let plan = try CloudFormationImporter().plan(
                String(decoding: body.readableBytesView, as: UTF8.self),
                region: query.get("region").map { String($0) } ?? context.region,
                accountID: query.get("accountId").map { String($0) })
            let result = try await service.importTemplate(plan, failOnWarnings: failOnWarnings)
            return WireJSON.response(TemplateImportBody(result), status: .created)
        }
    }
}
