import Foundation
import Hummingbird

extension Request {
    /// The query parameter `name` as an HTML form sends it (`application/x-www-form-urlencoded`:
    /// `+` is a space, `%2B` a plus), or `nil` when absent. The catalog's text parameters (`q`,
    /// `tag`, `target`) come from forms and from scripts alike; Hummingbird's own decoding keeps a
    /// `+`, which would glue a form's two words into one. The first occurrence wins.
    func formQuery(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        return Self.formFields(Substring(query)).first { $0.name == name }?.value
    }

    /// The fields of form-encoded text (a query, or an `application/x-www-form-urlencoded` body),
    /// decoded, in order; a field without `=` has an empty value.
    static func formFields(_ text: Substring) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (formDecode(parts[0]), parts.count > 1 ? formDecode(parts[1]) : "")
        }
    }

    /// One name or value of a form: `+` is a space, then percent-decoded (kept as it is when the
    /// escapes are malformed).
    private static func formDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
