extension TemplateValue {
    /// The logical IDs this value refers to through `Ref` and `Fn::GetAtt` (pseudo parameters such
    /// as `AWS::Region` excluded), at any depth.
    var referencedLogicalIDs: Set<String> {
        switch self {
        case .map(let members):
            if members.count == 1, case .string(let target)? = members["Ref"] {
                return target.hasPrefix("AWS::") ? [] : [target]
            }
            if members.count == 1, case .list(let parts)? = members["Fn::GetAtt"],
                case .string(let target)? = parts.first
            {
                return [target]
            }
            return members.values.reduce(into: Set<String>()) { $0.formUnion($1.referencedLogicalIDs) }
        case .list(let items):
            return items.reduce(into: Set<String>()) { $0.formUnion($1.referencedLogicalIDs) }
        case .string, .integer, .number, .boolean:
            return []
        }
    }
}
