import Foundation
import Hummingbird

extension Request {
    /// The query parameter `name` as an HTML form sends it (`application/x-www-form-urlencoded`:
    /// `+` is a space, `%2B` a plus), or `nil` when absent. The catalog's text parameters (`q`,
    /// `tag`, `target`) come from forms and from scripts alike; Hummingbird's own decoding keeps a
    /// `+`, which would glue a form's two words into one. The first occurrence wins.
    func formQuery(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.formDecode(parts[0]) == name else { continue }
            return parts.count > 1 ? Self.formDecode(parts[1]) : ""
        }
        return nil
    }

    /// One name or value of a form: `+` is a space, then percent-decoded (kept as it is when the
    /// escapes are malformed).
    static func formDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
