import RegistrySynth
import Testing

/// JSON and YAML rendering of template values.
@Suite struct TemplateRenderingTests {
    @Test(arguments: [
        (TemplateValue.string("a\"b\\c\nd\u{01}"), #""a\"b\\c\nd\u0001""#),
        (.integer(-5), "-5"), (.boolean(true), "true"), (.list([]), "[]"), (.map([:]), "{}"),
        (.map(["b": .integer(1), "a": .integer(2)]), "{\n  \"a\": 2,\n  \"b\": 1\n}"),
    ])
    func jsonRendering(value: TemplateValue, expected: String) {
        #expect(value.json == expected)
    }

    @Test func joinMergesAdjacentStrings() {
        #expect(
            TemplateValue.join([.string("a"), .string("b"), .ref("X"), .string(""), .string("c")])
                == .map(["Fn::Join": .list([.string(""), .list([.string("ab"), .ref("X"), .string("c")])])]))
    }

    @Test func yamlRendersNestedBlocksWithQuotedScalars() {
        let value = TemplateValue.map([
            "List": .list([.map(["A": .integer(1), "B": .string("x: y")]), .string("z"), .list([.boolean(false)])]),
            "Empty": .list([]),
        ])
        #expect(
            value.yaml == """
                "Empty": []
                "List":
                  - "A": 1
                    "B": "x: y"
                  - "z"
                  -
                    - false

                """)
    }
}
