import Foundation
import Hummingbird
import RegistryDomain

extension RegistryRequestContext {
    /// The path parameter `name`, percent-decoded.
    func pathParameter(_ name: String) -> String {
        let raw = parameters.get(name) ?? ""
        // Foundation's decoding goes through CFString; most segments (every id) have nothing to decode.
        guard raw.utf8.contains(UInt8(ascii: "%")) else { return raw }
        return raw.removingPercentEncoding ?? raw
    }

    /// The path parameter `name` as a typed identifier.
    /// - Throws: ``RegistryError/Code/notFound`` when the segment cannot be such an id (no such
    ///   resource can exist), so hostile segments never reach the store.
    func identifier<ID: EntityIdentifier>(
        _ name: String, _: ID.Type = ID.self, what: String
    ) throws(RegistryError)
        -> ID
    {
        let text = pathParameter(name)
        guard let id = ID(validating: text) else {
            throw .notFound("Invalid \(what) identifier specified: '\(text.prefix(64))'.")
        }
        return id
    }

    /// The `{apiId}` path parameter.
    /// - Throws: ``RegistryError/Code/notFound`` when it cannot be an API id.
    func apiID() throws(RegistryError) -> APIID { try identifier("apiId", what: "API") }

    /// The `{stageName}` path parameter (`%24default` decodes to `$default`).
    /// - Throws: ``RegistryError/Code/notFound`` when it cannot be a stage name.
    func stageName() throws(RegistryError) -> StageName {
        let text = pathParameter("stageName")
        guard let name = try? StageName(validating: text) else {
            throw .notFound("Invalid stage identifier specified: '\(text.prefix(128))'.")
        }
        return name
    }

    /// The `{domainName}` path parameter, lowercased.
    /// - Throws: ``RegistryError/Code/notFound`` when it cannot be a domain name.
    func domainName() throws(RegistryError) -> DomainNameID {
        let text = pathParameter("domainName")
        guard let name = try? DomainNameID(validating: text) else {
            throw .notFound("Invalid domain name identifier specified: '\(text.prefix(260))'.")
        }
        return name
    }
}
