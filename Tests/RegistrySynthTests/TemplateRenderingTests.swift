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

    @Test func yamlRendersNestedBlocksWithPlainScalarsWhereSafe() {
        let value = TemplateValue.map([
            "List": .list([.map(["A": .integer(1), "B": .string("x: y")]), .string("z"), .list([.boolean(false)])]),
            "Empty": .list([]),
        ])
        #expect(
            value.yaml == """
                Empty: []
                List:
                  - A: 1
                    B: "x: y"
                  - z
                  -
                    - false

                """)
    }

    @Test(
        "strings stay plain only where every YAML loader reads them back as the same string",
        arguments: [
            ("GET /books", true), ("AWS::ApiGatewayV2::Route", true), ("$default", true), ("\\$default", true),
            ("arn:aws:lambda:us-east-1:123456789012:function:f", true), ("integrations/", true), ("Fn::Join", true),
            ("/*/*/books", true), ("", false), ("2010-09-09", false), ("1.0", false), ("300", false), ("yes", false),
            ("No", false), ("on", false), ("TRUE", false), ("null", false), ("~", false), ("-1", false), (".5", false),
            ("x: y", false), ("a #b", false), ("arn:", false), (" lead", false), ("trail ", false),
            ("*.example.com", false),
            ("'quoted'", false), ("{\"a\": 1}", false), ("[x]", false), ("&anchor", false), ("!tag", false),
            ("line\nbreak", false), ("ünïcode", false), ("<<", false), ("%x", false), ("@x", false), ("|x", false),
        ])
    func plainScalars(text: String, plain: Bool) throws {
        let yaml = TemplateValue.map(["k": .string(text)]).yaml
        #expect(yaml.hasPrefix("k: \"") != plain, "\(yaml)")
    }

    @Test("a template's top-level sections come in CloudFormation's order, an OpenAPI document's in OpenAPI's")
    func topLevelOrder() {
        let template = TemplateValue.map([
            "Outputs": .map(["A": .integer(1)]), "Resources": .map(["R": .integer(1)]),
            "Metadata": .map(["M": .integer(1)]),
            "Description": .string("d"), "AWSTemplateFormatVersion": .string("2010-09-09"),
        ])
        let keys = template.yaml.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map {
            $0.split(separator: ":")[0]
        }
        #expect(keys == ["AWSTemplateFormatVersion", "Description", "Metadata", "Resources", "Outputs"])
        let document = TemplateValue.map([
            "components": .map(["c": .integer(1)]), "paths": .map(["/": .integer(1)]), "info": .map(["t": .integer(1)]),
            "openapi": .string("3.0.1"), "x-amazon-apigateway-importexport-version": .string("1.0"),
        ])
        let members = document.yaml.split(separator: "\n").filter { !$0.hasPrefix(" ") }.map {
            $0.split(separator: ":")[0]
        }
        #expect(members == ["openapi", "info", "paths", "components", "x-amazon-apigateway-importexport-version"])
    }
}
