/// Catalog filters on the API list (this service's extension to GetApis).
public struct APIFilter: Hashable, Sendable {
    /// Only APIs whose name starts with this prefix.
    public var namePrefix: String?
    /// Only APIs carrying this tag key with this value.
    public var tag: (key: String, value: String)? {
        get { tagKey.map { ($0, tagValue ?? "") } }
        set {
            tagKey = newValue?.key
            tagValue = newValue?.value
        }
    }
    private var tagKey: String?
    private var tagValue: String?

    /// Creates a filter; `nil` members do not filter.
    public init(namePrefix: String? = nil, tag: (key: String, value: String)? = nil) {
        self.namePrefix = namePrefix
        self.tag = tag
    }

    /// Parses the wire form of a tag filter, `key:value`.
    /// - Throws: ``RegistryError/Code/badRequest`` if there is no colon or the key is empty.
    public static func parseTag(_ text: String) throws(RegistryError) -> (key: String, value: String) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
            throw .badRequest("The tag filter must have the form key:value, got '\(text.prefix(300))'.")
        }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
