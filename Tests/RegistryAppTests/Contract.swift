import Foundation
import RegistryTestSupport
import Yams

/// `api/openapi.yaml`, read once with Yams: what the contract tests compare the server with.
enum Contract {
    /// The property names of each schema in the components.
    static var schemaProperties: [String: Set<String>] { parsed.schemaProperties }

    /// Every operation as `METHOD /path`, path parameters as `{}`.
    static var operations: Set<String> { parsed.operations }

    private static let parsed: (schemaProperties: [String: Set<String>], operations: Set<String>) = {
        let url = Fixtures.repository.appendingPathComponent("api/openapi.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8),
            let document = try? Yams.load(yaml: text) as? [String: Any]
        else { return ([:], []) }
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        let properties = schemas.compactMapValues { schema in
            ((schema as? [String: Any])?["properties"] as? [String: Any]).map { Set($0.keys) }
        }
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        let paths = document["paths"] as? [String: Any] ?? [:]
        let operations = paths.flatMap { path, item in
            ((item as? [String: Any]) ?? [:]).keys.filter(methods.contains).map {
                "\($0.uppercased()) \(normalize(path))"
            }
        }
        return (properties, Set(operations))
    }()

    /// `path` with each parameter segment (`{apiId}` in the contract, `:apiId` in the router) as `{}`.
    static func normalize(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") || $0.hasPrefix(":") ? "{}" : String($0) }.joined(separator: "/")
    }
}
