/// Length and shape limits on individual members, shared by every entity's rules.
enum FieldRules {
    /// The most tags one resource may carry.
    static let maximumTags = 50

    /// Refuses a string member whose length in characters is outside `range`.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the member.
    static func check(_ value: String?, member: String, length range: ClosedRange<Int>) throws(RegistryError) {
        guard let value else { return }
        let count = value.count
        guard range.contains(count) else {
            throw .badRequest(
                "Invalid \(member): length must be between \(range.lowerBound) and \(range.upperBound), got \(count).")
        }
        guard !value.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw .badRequest("Invalid \(member): NUL characters are not allowed.")
        }
    }

    /// Refuses a missing required member.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the member.
    static func require<Value>(_ value: Value?, member: String) throws(RegistryError) -> Value {
        guard let value else { throw .badRequest("\(member) is required.") }
        return value
    }

    /// Refuses an integer member outside `range`.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the member.
    static func check(_ value: Int?, member: String, within range: ClosedRange<Int>) throws(RegistryError) {
        guard let value, !range.contains(value) else { return }
        throw .badRequest(
            "Invalid \(member): must be between \(range.lowerBound) and \(range.upperBound), got \(value).")
    }

    /// Refuses tags beyond AWS's limits: at most 50, keys 1–128, values at most 1600, no `aws:` keys.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the tag.
    static func check(tags: Tags) throws(RegistryError) {
        guard tags.count <= maximumTags else {
            throw .badRequest("Too many tags: at most \(maximumTags) per resource, got \(tags.count).")
        }
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            try check(key, member: "tag key", length: 1...128)
            try check(value, member: "tag value '\(key.prefix(128))'", length: 0...1600)
            guard !key.lowercased().hasPrefix("aws:") else {
                throw .badRequest("Invalid tag key '\(key.prefix(128))': the prefix 'aws:' is reserved.")
            }
        }
    }

    /// Refuses a selection expression or other free-text member that is empty or too long.
    /// - Throws: ``RegistryError/Code/badRequest`` naming the member.
    static func check(expression: String?, member: String) throws(RegistryError) {
        try check(expression, member: member, length: 1...1024)
    }

    /// Refuses every member of a string map whose key or value is out of bounds: keys 1–512
    /// characters, values up to `valueLength` (mapping templates are up to 32,768 characters;
    /// parameter mappings, as botocore's `IntegrationParameters`, 1–512).
    /// - Throws: ``RegistryError/Code/badRequest`` naming the member.
    static func check(
        map: [String: String]?, member: String, valueLength: ClosedRange<Int> = 0...32_768
    ) throws(RegistryError) {
        guard let map else { return }
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            try check(key, member: "\(member) key", length: 1...512)
            try check(value, member: "\(member) value of '\(key.prefix(128))'", length: valueLength)
        }
    }
}
