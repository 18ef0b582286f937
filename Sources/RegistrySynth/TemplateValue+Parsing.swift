import Foundation

extension TemplateValue {
    /// The value of a JSON text (a model's schema, which a template writes as an object), or `nil`
    /// when the text is not JSON. Whole numbers become ``integer(_:)``, others ``number(_:)``.
    init?(parsingJSON text: String) {
        guard let parsed = try? JSONDecoder().decode(ParsedJSON.self, from: Data(text.utf8)) else { return nil }
        self = parsed.value
    }
}

/// JSON decoded into a ``TemplateValue``, telling booleans from numbers.
private struct ParsedJSON: Decodable {
    let value: TemplateValue

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [TemplateValue] = []
            while !array.isAtEnd { items.append(try array.decode(ParsedJSON.self).value) }
            value = .list(items)
        } else if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: TemplateValue] = [:]
            for key in object.allKeys {
                members[key.stringValue] = try object.decode(ParsedJSON.self, forKey: key).value
            }
            value = .map(members)
        } else {
            let single = try decoder.singleValueContainer()
            if let flag = try? single.decode(Bool.self) {
                value = .boolean(flag)
            } else if let number = try? single.decode(Int.self) {
                value = .integer(number)
            } else if let number = try? single.decode(Double.self) {
                value = .number(number)
            } else if single.decodeNil() {
                value = .map([:])
            } else {
                value = .string(try single.decode(String.self))
            }
        }
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
