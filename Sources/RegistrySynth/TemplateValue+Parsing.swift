public import Foundation

extension TemplateValue: Decodable {
    /// The value of a JSON text (a model's schema, which a template writes as an object), or `nil`
    /// when the text is not JSON.
    init?(parsingJSON text: String) {
        guard let value = try? TemplateValue(parsingJSON: Data(text.utf8)) else { return nil }
        self = value
    }

    /// The value of a JSON document.
    /// - Throws: Foundation's `DecodingError` when the data is not JSON.
    public init(parsingJSON data: Data) throws {
        self = try JSONDecoder().decode(TemplateValue.self, from: data)
    }

    /// Decodes any JSON value, telling booleans from numbers: whole numbers become
    /// ``integer(_:)``, others ``number(_:)``, `null` an empty map.
    /// - Throws: `DecodingError` when the value is not JSON.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [TemplateValue] = []
            while !array.isAtEnd { items.append(try array.decode(TemplateValue.self)) }
            self = .list(items)
        } else if let object = try? decoder.container(keyedBy: MemberKey.self) {
            var members: [String: TemplateValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(TemplateValue.self, forKey: key) }
            self = .map(members)
        } else {
            let single = try decoder.singleValueContainer()
            if let flag = try? single.decode(Bool.self) {
                self = .boolean(flag)
            } else if let number = try? single.decode(Int.self) {
                self = .integer(number)
            } else if let number = try? single.decode(Double.self) {
                self = .number(number)
            } else if single.decodeNil() {
                self = .map([:])
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    private struct MemberKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
