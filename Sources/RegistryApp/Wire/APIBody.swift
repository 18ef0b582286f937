import RegistryDomain

/// The wire form of an API (CreateApi, GetApi, UpdateApi and GetApis items).
struct APIBody: Encodable {
    let apiEndpoint: String
    let apiId: String
    let apiKeySelectionExpression: String
    let corsConfiguration: CorsConfiguration?
    let createdDate: String
    let description: String?
    let disableExecuteApiEndpoint: Bool
    let disableSchemaValidation: Bool?
    let ipAddressType: String
    let name: String
    let protocolType: String
    let routeSelectionExpression: String
    let tags: Tags
    let version: String?

    /// The wire form of `api` as seen from `region`.
    init(_ api: API, region: String) {
        apiEndpoint = api.endpoint(region: region)
        apiId = api.id.rawValue
        apiKeySelectionExpression = api.apiKeySelectionExpression
        corsConfiguration = api.corsConfiguration
        createdDate = api.createdDate.iso8601
        description = api.description
        disableExecuteApiEndpoint = api.disableExecuteApiEndpoint
        disableSchemaValidation = api.disableSchemaValidation
        ipAddressType = api.ipAddressType.rawValue
        name = api.name
        protocolType = api.protocolType.rawValue
        routeSelectionExpression = api.routeSelectionExpression
        tags = api.tags
        version = api.version
    }
}

extension APIBody: JSONWritable {
    /// Writes the members in sorted order, as ``WireJSON/encoder`` would.
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.member("apiEndpoint", apiEndpoint)
            json.member("apiId", apiId)
            json.member("apiKeySelectionExpression", apiKeySelectionExpression)
            json.member("corsConfiguration", corsConfiguration)
            json.member("createdDate", createdDate)
            json.member("description", description)
            json.member("disableExecuteApiEndpoint", disableExecuteApiEndpoint)
            json.member("disableSchemaValidation", disableSchemaValidation)
            json.member("ipAddressType", ipAddressType)
            json.member("name", name)
            json.member("protocolType", protocolType)
            json.member("routeSelectionExpression", routeSelectionExpression)
            json.member("tags", tags)
            json.member("version", version)
        }
    }
}
