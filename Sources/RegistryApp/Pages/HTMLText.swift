import Foundation

/// Escaping for what the pages build outside templates (the diagram's SVG) and links with
/// user-registered text in their query.
enum HTMLText {
    /// `text` safe inside an element or a quoted attribute: `&`, `<`, `>`, `"` and `'` escaped,
    /// and characters XML forbids (controls other than tab and line breaks) dropped.
    static func escape(_ text: some StringProtocol) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The characters a query value keeps as they are (RFC 3986's unreserved ones).
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `value` percent-encoded for a URL's query or path segment (everything but the unreserved
    /// characters), so that no registered text can end a link or change its scheme.
    static func percentEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A path with a query of the non-empty `parameters`, in order.
    static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value in
            value.flatMap { $0.isEmpty ? nil : name + "=" + percentEncoded($0) }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// `text` cut to `limit` characters, with an ellipsis when it was longer.
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
