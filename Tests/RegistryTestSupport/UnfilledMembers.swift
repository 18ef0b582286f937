/// The paths of the members of `value` that are absent (`nil`) or empty (a collection without
/// elements), looking into nested values, optionals and the elements of collections.
///
/// Tests that must see every member of a type (a response written by hand, an entity written to
/// and read from the store) check their fixture with it, so that a member added later must be
/// filled there too and is then covered by the test.
public func unfilledMembers(of value: Any, at path: String = "") -> [String] {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
        guard let wrapped = mirror.children.first?.value else { return [path] }
        return unfilledMembers(of: wrapped, at: path)
    case .collection, .set, .dictionary:
        guard !mirror.children.isEmpty else { return [path] }
        return mirror.children.flatMap { unfilledMembers(of: $0.value, at: path + "[]") }
    case .tuple:
        return mirror.children.flatMap { unfilledMembers(of: $0.value, at: path) }
    case .struct, .class:
        return mirror.children.flatMap { child in
            let label = child.label ?? "?"
            return unfilledMembers(of: child.value, at: path.isEmpty ? label : "\(path).\(label)")
        }
    default:
        return []
    }
}

/// The names of the stored members of `value` (a response's are its wire keys; an input's, its
/// request members).
public func memberNames(of value: Any) -> Set<String> {
    Set(Mirror(reflecting: value).children.compactMap(\.label))
}
