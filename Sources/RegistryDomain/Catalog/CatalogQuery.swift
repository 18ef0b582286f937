/// What a catalog reader asks for: words to search for and filters, all optional (none lists every
/// API, newest first).
public struct CatalogQuery: Hashable, Sendable {
    /// The longest search text accepted, in characters.
    public static let maximumTextLength = 256
    /// The most words a search may have.
    public static let maximumWords = 16

    /// The words to find, each a run of characters other than blanks and control characters holding
    /// a letter or digit; a document
    /// matches when it holds every word (each word's own tokens in order: an ARN or a path is one
    /// word). Empty: no search, the catalog in order.
    public let words: [String]
    /// Only APIs of this protocol.
    public let protocolType: ProtocolType?
    /// Only APIs carrying this tag key with this value.
    public let tag: Tag?

    /// A tag key and value to filter on.
    public struct Tag: Hashable, Sendable {
        /// The tag's key.
        public let key: String
        /// The tag's value.
        public let value: String

        /// Creates a tag filter.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Creates a query from what a reader typed.
    /// - Throws: ``RegistryError/Code/badRequest`` for text over 256 characters or with more than 16
    ///   words.
    public init(text: String? = nil, protocolType: ProtocolType? = nil, tag: Tag? = nil) throws(RegistryError) {
        let text = text ?? ""
        guard text.count <= Self.maximumTextLength else {
            throw .badRequest("The search text is at most \(Self.maximumTextLength) characters, got \(text.count).")
        }
        // Control characters separate words too: a NUL inside a word would end it early for SQLite.
        let words = text.split {
            $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        .filter { $0.contains { $0.isLetter || $0.isNumber } }
        .map(String.init)
        guard words.count <= Self.maximumWords else {
            throw .badRequest("A search has at most \(Self.maximumWords) words, got \(words.count).")
        }
        self.words = words
        self.protocolType = protocolType
        self.tag = tag
    }

    /// Whether the query searches text (otherwise it only filters).
    public var isSearch: Bool { !words.isEmpty }
}
