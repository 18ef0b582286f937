import Foundation
import Yams

/// One value of a CloudFormation template as written (JSON or YAML), with YAML's short-form
/// intrinsic functions (`!Ref`, `!GetAtt`, `!Sub`, …) read as their long form, so the rest of the
/// import sees one shape.
indirect enum CloudFormationValue: Equatable {
    /// A string.
    case string(String)
    /// A number, as written.
    case number(String)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null
    /// A list.
    case list([CloudFormationValue])
    /// An object, its members in the template's order.
    case object([Member])

    /// One member of an object.
    struct Member: Equatable {
        /// The member's name.
        let key: String
        /// The member's value.
        let value: CloudFormationValue
    }

    /// The value of a parsed node.
    init(_ node: Node) {
        let tag = node.tag.rawValue
        guard tag.hasPrefix("!") else {
            self = Self.plain(node, tag: tag)
            return
        }
        // A short form's argument is the same node read as plain data (a scalar as text).
        self = Self.shortForm(String(tag.dropFirst()), untagged: Self.plain(node, tag: nil))
    }

    /// `node` as data: a scalar by its resolved `tag` (`nil`: as text), collections member by member.
    private static func plain(_ node: Node, tag: String?) -> CloudFormationValue {
        switch node {
        case .scalar(let scalar):
            switch tag {
            case Tag.Name.bool.rawValue: return node.bool.map(CloudFormationValue.boolean) ?? .string(scalar.string)
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return .number(scalar.string)
            case Tag.Name.null.rawValue: return .null
            default: return .string(scalar.string)
            }
        case .sequence(let sequence): return .list(sequence.map(CloudFormationValue.init))
        case .mapping(let mapping):
            return .object(mapping.map { Member(key: $0.key.string ?? "", value: CloudFormationValue($0.value)) })
        case .alias: return .null
        }
    }

    /// `!Name value`: `{"Ref": value}`, `{"Condition": value}`, or `{"Fn::Name": value}`; `!GetAtt
    /// A.B` splits at the first dot.
    private static func shortForm(_ name: String, untagged: CloudFormationValue) -> CloudFormationValue {
        switch name {
        case "Ref", "Condition": return .object([Member(key: name, value: untagged)])
        case "GetAtt":
            if case .string(let text) = untagged, let dot = text.firstIndex(of: ".") {
                let parts: [CloudFormationValue] = [
                    .string(String(text[..<dot])), .string(String(text[text.index(after: dot)...])),
                ]
                return .object([Member(key: "Fn::GetAtt", value: .list(parts))])
            }
            return .object([Member(key: "Fn::GetAtt", value: untagged)])
        default: return .object([Member(key: "Fn::" + name, value: untagged)])
        }
    }

    /// The member `key` of an object; `nil` when absent or for anything but an object.
    subscript(key: String) -> CloudFormationValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The members of an object; `nil` for anything else.
    var members: [Member]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// The text of a string, number or boolean; `nil` for anything else.
    var text: String? {
        switch self {
        case .string(let text), .number(let text): text
        case .boolean(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// The intrinsic function this value calls (`Ref`, `Fn::Join`, `Condition`, …) and its argument:
    /// an object of exactly one member whose name is a function's.
    var function: (name: String, argument: CloudFormationValue)? {
        guard case .object(let members) = self, members.count == 1 else { return nil }
        let name = members[0].key
        guard name == "Ref" || name == "Condition" || name.hasPrefix("Fn::") else { return nil }
        return (name, members[0].value)
    }
}
