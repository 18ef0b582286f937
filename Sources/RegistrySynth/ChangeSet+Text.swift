extension ChangeSet {
    /// The change set as `cdk diff` prints a stack's resource differences: one line per resource,
    /// `[+]` added, `[-]` removed (`destroy`), `[~]` modified (`replace`, `may be replaced`), and under
    /// a modified resource one branch per property (`(requires replacement)`, `(may cause
    /// replacement)`) with its value before (`[-]`) and after (`[+]`).
    public var text: String {
        guard !changes.isEmpty else { return "There were no differences\n" }
        var lines = ["Resources"]
        for change in changes {
            switch change.action {
            case .add:
                lines.append("[+] \(change.resourceType) \(change.logicalID)")
            case .remove:
                lines.append("[-] \(change.resourceType) \(change.logicalID) destroy")
            case .modify:
                let suffix: String
                switch change.replacement {
                case .true?: suffix = " replace"
                case .conditional?: suffix = " may be replaced"
                case .false?, nil: suffix = ""
                }
                lines.append("[~] \(change.resourceType) \(change.logicalID)\(suffix)")
                for (index, detail) in change.details.enumerated() {
                    let last = index == change.details.count - 1
                    lines.append(" \(last ? "└─" : "├─") [~] \(detail.property)\(Self.note(detail.requiresRecreation))")
                    let indent = last ? "     " : " │   "
                    let values = [("[-]", detail.before), ("[+]", detail.after)].compactMap { mark, value in
                        value.map { (mark, $0.diffText) }
                    }
                    for (position, (mark, text)) in values.enumerated() {
                        lines.append("\(indent)\(position == values.count - 1 ? "└─" : "├─") \(mark) \(text)")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func note(_ recreation: PropertyChange.Recreation) -> String {
        switch recreation {
        case .always: " (requires replacement)"
        case .conditionally: " (may cause replacement)"
        case .never: ""
        }
    }
}

extension TemplateValue {
    /// The value on one line: a string as itself, anything else as compact JSON.
    var diffText: String {
        if case .string(let text) = self { return text }
        var text = ""
        for line in json.split(separator: "\n").map({ $0.drop { $0 == " " } }) {
            // One space between members, none inside brackets: {"Ref": "X"}, ["a", "b"].
            if let last = text.last, last != "[", last != "{", line.first != "]", line.first != "}" { text += " " }
            text += line
        }
        return text
    }
}
