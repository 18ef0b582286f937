extension TemplateValue: Encodable {
    /// Encodes the value as the JSON value it stands for (the inverse of ``init(from:)``).
    /// - Throws: the encoder's error.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        case .number(let number): try container.encode(number.isFinite ? number : 0)
        case .boolean(let flag): try container.encode(flag)
        case .list(let items): try container.encode(items)
        case .map(let members): try container.encode(members)
        }
    }
}
