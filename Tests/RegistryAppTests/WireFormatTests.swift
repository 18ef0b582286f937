import Testing

@testable import RegistryApp
@testable import RegistryDomain

/// Page tokens and timestamps as the wire shows them.
@Suite struct WireFormatTests {
    @Test(arguments: [Int64(0), 1, 99, 1_000_000_007, Int64.max])
    func pageTokensRoundTrip(sequence: Int64) throws {
        let token = PageToken.encode(PageCursor(lastSequence: sequence))
        #expect(!token.contains("+") && !token.contains("/") && !token.contains("="))
        #expect(try PageToken.decode(token) == PageCursor(lastSequence: sequence))
    }

    @Test(arguments: ["", "x", "aXIxOi0x", "bm90LWEtdG9rZW4", String(repeating: "A", count: 100)])
    func foreignTokensAreRefused(token: String) {
        #expect(throws: RegistryError.self) { try PageToken.decode(token) }
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (1_795_538_684_123, "2026-11-24T16:44:44.123Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (4_102_444_800_000, "2100-01-01T00:00:00.000Z"),
    ])
    func timestampsAreISO8601UTC(milliseconds: Int64, expected: String) {
        #expect(Timestamp(millisecondsSinceEpoch: milliseconds).iso8601 == expected)
    }

    @Test(
        arguments: [
            ("AWS4-HMAC-SHA256 Credential=AKID/20261124/eu-west-1/apigateway/aws4_request, Signature=x", "eu-west-1"),
            ("Bearer token", nil), ("AWS4-HMAC-SHA256 Credential=AKID/x", nil), (nil, nil),
        ] as [(String?, String?)])
    func regionFromTheCredentialScope(header: String?, region: String?) {
        #expect(RequestIdentityMiddleware.region(fromAuthorization: header) == region)
    }
}
