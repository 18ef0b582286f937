import Mustache
import RegistryDomain

/// A custom domain name's page (`/domainnames/{domainName}`): the domain and the API each
/// mapping serves.
struct DomainNamePageView {
    /// One mapping.
    struct MappingRow {
        let key: String
        let apiID: String
        let apiName: String
        let apiHref: String
        let stage: String
    }

    let chrome: PageChrome
    let name: String
    let targetDomain: String
    let certificate: String
    let endpointType: String
    let securityPolicy: String
    let created: String
    let createdISO: String
    let tags: [TagView]
    let hasTags: Bool
    let templateHref: String
    let mappings: [MappingRow]
    let hasMappings: Bool
    let mappingCount: Int

    /// The page of `overview`, the domain's API Gateway target in `region`.
    init(_ overview: DomainNameOverview, region: String, viewer: PageViewer) {
        let domain = overview.domainName
        chrome = PageChrome(domain.name.rawValue, viewer: viewer)
        name = domain.name.rawValue
        targetDomain = RegionalEndpoint.host(endpointID: domain.endpointID, region: region)
        certificate = domain.configuration.certificateArn ?? domain.configuration.certificateName ?? "none"
        endpointType = domain.configuration.endpointType?.rawValue ?? "REGIONAL"
        securityPolicy = domain.configuration.securityPolicy?.rawValue ?? "TLS_1_2"
        let time = PageTime(domain.createdDate)
        created = time.when
        createdISO = time.iso
        tags = domain.tags.sorted { $0.key < $1.key }.map { TagView(key: $0.key, value: $0.value, href: "") }
        hasTags = !tags.isEmpty
        templateHref = "/v2/domainnames/\(HTMLText.percentEncoded(domain.name.rawValue))/template?format=json"
        mappings = overview.mappings.map { mapped in
            MappingRow(
                key: mapped.mapping.key, apiID: mapped.mapping.apiID.rawValue, apiName: mapped.apiName,
                apiHref: "/apis/\(mapped.mapping.apiID.rawValue)", stage: mapped.mapping.stage.rawValue)
        }
        hasMappings = !mappings.isEmpty
        mappingCount = mappings.count
    }
}

extension DomainNamePageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "name": self.name
        case "targetDomain": self.targetDomain
        case "certificate": self.certificate
        case "endpointType": self.endpointType
        case "securityPolicy": self.securityPolicy
        case "created": self.created
        case "createdISO": self.createdISO
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "templateHref": self.templateHref
        case "mappings": self.mappings
        case "hasMappings": self.hasMappings
        case "mappingCount": self.mappingCount
        default: nil
        }
    }
}

extension DomainNamePageView.MappingRow: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "key": self.key
        case "apiID": self.apiID
        case "apiName": self.apiName
        case "apiHref": self.apiHref
        case "stage": self.stage
        default: nil
        }
    }
}
