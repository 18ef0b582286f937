import Yams

/// The AWS operation name (the contract's `operationId`, e.g. `GetApi`) of each route the router
/// serves, read once from the embedded `api/openapi.yaml`: what the request metrics are labelled by.
struct OperationNames: Sendable {
    /// The name for requests that matched no route.
    static let unmatched = "UnknownOperation"

    private let names: [String: String]

    /// The operations of the embedded contract.
    static let contract = OperationNames(yaml: OpenAPIDocument.yaml)

    /// Reads every `paths.<path>.<method>.operationId` of an OpenAPI document.
    init(yaml: String) {
        var names: [String: String] = [:]
        let document = (try? Yams.load(yaml: yaml)) as? [String: Any] ?? [:]
        for (path, item) in document["paths"] as? [String: Any] ?? [:] {
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard let id = (operation as? [String: Any])?["operationId"] as? String else { continue }
                names[Self.key(method: method, path: path)] = id
            }
        }
        self.names = names
    }

    /// The operation served at `path` (a route pattern, `/v2/apis/{apiId}` or `/v2/apis/:apiId`)
    /// for `method`, or ``unmatched``.
    func name(method: String, path: String) -> String {
        names[Self.key(method: method, path: path)] ?? Self.unmatched
    }

    /// `METHOD /path` with each parameter segment as `{}`, whatever it is called.
    private static func key(method: String, path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") || segment.hasPrefix(":") ? "{}" : String(segment)
        }
        return method.uppercased() + " " + segments.joined(separator: "/")
    }
}
