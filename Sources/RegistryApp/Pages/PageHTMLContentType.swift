import Mustache

/// The pages' escaping of every `{{value}}`: ``HTMLText/escape(_:)`` (`&`, `<`, `>`, `"`, `'`, and
/// characters XML forbids dropped), one pass over the scalars.
struct PageHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
