/// What SigV4 verification needs of an HTTP request, exactly as it arrived.
public struct SignedRequest: Sendable {
    /// The method, e.g. `POST`.
    public var method: String
    /// The path as sent on the wire, still percent-encoded.
    public var rawPath: String
    /// The query string as sent on the wire (without `?`), or empty.
    public var rawQuery: String
    /// The `Host` header (HTTP/1.1) or `:authority` (HTTP/2).
    public var host: String
    /// Every header, lowercased name and value, in arrival order.
    public var headers: [(name: String, value: String)]
    /// The lowercase hex SHA-256 of the body as received.
    public var bodySHA256: String

    /// Creates a request description.
    public init(
        method: String, rawPath: String, rawQuery: String, host: String, headers: [(name: String, value: String)],
        bodySHA256: String
    ) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.host = host
        self.headers = headers
        self.bodySHA256 = bodySHA256
    }

    /// The values of the header `name` (lowercase), joined with commas, or `nil`.
    func header(_ name: String) -> String? {
        let values = headers.filter { $0.name == name }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ",")
    }
}
