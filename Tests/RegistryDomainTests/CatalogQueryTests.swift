import RegistryDomain
import RegistryTestSupport
import Testing

/// What a reader types into the catalog's search box becomes words, or a refusal.
@Suite("Catalog query")
struct CatalogQueryTests {
    @Test(
        "text splits into words holding a letter or digit",
        arguments: [
            ("", []),
            ("   ", []),
            ("orders", ["orders"]),
            ("  GET   /orders/{id} ", ["GET", "/orders/{id}"]),
            ("a / - * b", ["a", "b"]),
            ("tab\tnew\nline", ["tab", "new", "line"]),
            ("nul\u{0}inside", ["nul", "inside"]),
            (
                "arn:aws:lambda:us-east-1:123456789012:function:orders",
                ["arn:aws:lambda:us-east-1:123456789012:function:orders"]
            ),
            ("café Ünïcode", ["café", "Ünïcode"]),
        ] as [(String, [String])])
    func words(text: String, expected: [String]) throws {
        let query = try CatalogQuery(text: text)
        #expect(query.words == expected)
        #expect(query.isSearch == !expected.isEmpty)
    }

    @Test(
        "text over the limits is refused with a reason",
        arguments: [
            (String(repeating: "x", count: 257), "at most 256 characters"),
            ((1...17).map { "w\($0)" }.joined(separator: " "), "at most 16 words"),
        ])
    func limits(text: String, mentions: String) {
        let error = #expect(throws: RegistryError.self) { try CatalogQuery(text: text) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains(mentions) == true, "\(error?.message ?? "")")
    }

    @Test("the longest accepted text and the most words are accepted")
    func atTheLimits() throws {
        #expect(try CatalogQuery(text: String(repeating: "x", count: 256)).words.count == 1)
        #expect(try CatalogQuery(text: (1...16).map { "w\($0)" }.joined(separator: " ")).words.count == 16)
    }
}
