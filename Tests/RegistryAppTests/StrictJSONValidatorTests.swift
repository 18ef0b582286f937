import Testing

@testable import RegistryApp
@testable import RegistryDomain

/// The strict syntax check in front of Foundation's lenient JSON decoder.
@Suite struct StrictJSONValidatorTests {
    @Test(arguments: [
        #"{}"#, #"{"a":1}"#, #" { "a" : [1, -2.5e10, true, false, null, "x\u00e9\n"] } "#,
        #"{"a":{"b":{"c":[]}}}"#, #"{"a":"\/\\\"\b\f\r\t"}"#, #"{"ünï":"cödé"}"#, #"{"n":0.5,"m":-0,"e":1E+2}"#,
    ])
    func acceptsJSONObjects(text: String) throws {
        try StrictJSONValidator.validateObject(Array(text.utf8))
    }

    @Test(arguments: [
        #"{"a":1,}"#, #"[1]"#, #""x""#, #"{"a":1}x"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":1e999999}"#,
        #"{"a":1,"a":2}"#, #"{"a":"\u0000"}"#, "{\"a\":\"\u{01}\"}", #"{"a":"\x"}"#, #"{"a":tru}"#, #"{a:1}"#,
        #"{"a":"unterminated}"#, #"{"a":NaN}"#, #"{"a":Infinity}"#, #"{"a":1"#, "",
        String(repeating: "{\"a\":", count: 100) + "1" + String(repeating: "}", count: 100),
        "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}",
    ])
    func refusesEverythingElse(text: String) {
        #expect(throws: RegistryError.self) { try StrictJSONValidator.validateObject(Array(text.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(throws: RegistryError.self) { try StrictJSONValidator.validateObject(bytes) }
    }
}
