import Foundation
import Hummingbird
import RegistryDomain

/// The wire form of a ``PageCursor``: an opaque, URL-safe token.
enum PageToken {
    private static let prefix = "ir1:"

    /// The token for `cursor`.
    static func encode(_ cursor: PageCursor) -> String {
        Data((prefix + String(cursor.lastSequence)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The cursor a token stands for.
    /// - Throws: ``RegistryError/Code/badRequest`` for a token this service did not issue.
    static func decode(_ token: String) throws(RegistryError) -> PageCursor {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 64, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8), text.hasPrefix(prefix),
            let sequence = Int64(text.dropFirst(prefix.count)), sequence >= 0
        else { throw .badRequest("Invalid nextToken.") }
        return PageCursor(lastSequence: sequence)
    }

    /// The page a request asks for: its `maxResults` and `nextToken` query parameters.
    /// - Throws: ``RegistryError/Code/badRequest`` for a non-numeric or out-of-range `maxResults`
    ///   or a foreign token.
    static func pageRequest(_ request: Request) throws(RegistryError) -> PageRequest {
        let query = request.uri.queryParameters
        var size = PageRequest.defaultSize
        if let text = query.get("maxResults") {
            guard let value = Int(text) else {
                throw .badRequest("maxResults must be an integer, got '\(text.prefix(50))'.")
            }
            size = value
        }
        let cursor = try query.get("nextToken").map { token throws(RegistryError) in try decode(token) }
        return try PageRequest(maxResults: size, after: cursor)
    }
}
