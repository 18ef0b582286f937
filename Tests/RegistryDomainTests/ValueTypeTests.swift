import RegistryTestSupport
import Testing

@testable import RegistryDomain

/// Typed identifiers: parsing untrusted text and generating fresh ids.
@Suite("Entity identifiers")
struct EntityIdentifierTests {
    @Test(
        "lowercase letters and digits up to 64 characters are accepted",
        arguments: [
            "a", "abc123", "0123456789", String(repeating: "z", count: 64),
        ])
    func accepted(text: String) throws {
        let id = try #require(APIID(validating: text))
        #expect(id.rawValue == text)
        #expect(id.description == text)
        #expect(RouteID(validating: text)?.rawValue == text)
    }

    @Test(
        "anything else is refused",
        arguments: [
            "", "../x", "..", "a/b", "ABC", "abcDef", "a\u{0}b", "a b", "a-b", "a_b", "a.b", "caf\u{E9}", "%2e%2e",
            String(repeating: "a", count: 65),
        ])
    func refused(text: String) {
        #expect(APIID(validating: text) == nil)
        #expect(IntegrationID(validating: text) == nil)
        #expect(VpcLinkID(validating: text) == nil)
    }

    @Test("a substring parses like the string it shows")
    func substring() {
        let path = "integrations/abc1234"
        #expect(IntegrationID(validating: path.dropFirst("integrations/".count))?.rawValue == "abc1234")
    }

    @Test("SplitMix64 gives the reference sequence, and ids drawn from it spread over the alphabet")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4])
        var seeded = SplitMix64(seed: 42)
        let ids = Set((0..<10_000).map { _ in RouteID.random(using: &seeded).rawValue })
        #expect(ids.count == 10_000)
        #expect(Set(ids.joined()).count == 36)
    }

    @Test("generated ids have the kind's length and only valid characters")
    func generated() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let api = APIID.random(using: &generator)
            let route = RouteID.random(using: &generator)
            #expect(api.rawValue.count == 10)
            #expect(route.rawValue.count == 7)
            #expect(APIID(validating: api.rawValue) == api)
            #expect(RouteID(validating: route.rawValue) == route)
        }
        #expect(IntegrationID.generatedLength == 7)
        #expect(AuthorizerID.generatedLength == 7)
        #expect(DeploymentID.generatedLength == 7)
        #expect(VpcLinkID.generatedLength == 7)
    }

    @Test("identifiers order by their text")
    func ordering() {
        #expect(APIID(uncheckedRawValue: "a1") < APIID(uncheckedRawValue: "b0"))
        #expect(!(APIID(uncheckedRawValue: "b0") < APIID(uncheckedRawValue: "a1")))
    }
}

/// Stage names: `$default` or 1–128 letters, digits, `-` and `_`.
@Suite("Stage names")
struct StageNameTests {
    @Test(
        "valid stage names",
        arguments: [
            "$default", "prod", "Prod_1-a", "v2", "_", "-", String(repeating: "S", count: 128),
        ])
    func valid(text: String) throws {
        #expect(try StageName(validating: text).rawValue == text)
    }

    @Test(
        "invalid stage names",
        arguments: [
            "", "$other", "$Default", "a b", "a/b", "a.b", "caf\u{E9}", "a\u{0}", "%24default",
            String(repeating: "S", count: 129),
        ])
    func invalid(text: String) {
        expectRegistryError(.badRequest) { () throws(RegistryError) in try StageName(validating: text) }
    }

    @Test("the $default stage constant")
    func defaultStage() throws {
        #expect(try StageName(validating: "$default") == .defaultStage)
        #expect(StageName.defaultStage.description == "$default")
        #expect(StageName(uncheckedRawValue: "a") < StageName(uncheckedRawValue: "b"))
    }
}

/// Parsing and printing the ARNs of taggable resources.
@Suite("Tagged resources")
struct TaggedResourceTests {
    static let resources: [(arn: String, resource: TaggedResource)] = [
        ("arn:aws:apigateway:us-east-1::/apis/abcdefghij", .api(APIID(uncheckedRawValue: "abcdefghij"))),
        (
            "arn:aws:apigateway:eu-west-1::/apis/abcdefghij/stages/prod",
            .stage(APIID(uncheckedRawValue: "abcdefghij"), StageName(uncheckedRawValue: "prod"))
        ),
        (
            "arn:aws:apigateway:eu-west-1::/apis/abcdefghij/stages/$default",
            .stage(APIID(uncheckedRawValue: "abcdefghij"), .defaultStage)
        ),
        ("arn:aws:apigateway:us-east-1::/vpclinks/abc1234", .vpcLink(VpcLinkID(uncheckedRawValue: "abc1234"))),
        (
            "arn:aws:apigateway:us-east-1::/domainnames/api.example.com",
            .domainName(DomainNameID(uncheckedRawValue: "api.example.com"))
        ),
        ("arn:aws-cn:apigateway:cn-north-1::/apis/a1", .api(APIID(uncheckedRawValue: "a1"))),
    ]

    @Test("resource ARNs parse", arguments: resources)
    func parses(arn: String, resource: TaggedResource) throws {
        #expect(try TaggedResource(arn: arn) == resource)
    }

    @Test("a resource prints the ARN it was parsed from", arguments: resources.filter { $0.arn.hasPrefix("arn:aws:") })
    func roundTrip(arn: String, resource: TaggedResource) throws {
        let region = try #require(AmazonResourceName(arn)).region
        #expect(resource.arn(region: region) == arn)
    }

    @Test(
        "ARNs that name no taggable resource are refused",
        arguments: [
            "",
            "garbage",
            "arn:aws:apigateway:us-east-1:123456789012:/apis/abcdefghij",
            "arn:aws:lambda:us-east-1::/apis/abcdefghij",
            "arn:aws:apigateway:us-east-1::apis/abcdefghij",
            "arn:aws:apigateway:us-east-1::/apis/ABCDEFGHIJ",
            "arn:aws:apigateway:us-east-1::/apis/../x",
            "arn:aws:apigateway:us-east-1::/apis/",
            "arn:aws:apigateway:us-east-1::/apis/abcdefghij/routes/abc1234",
            "arn:aws:apigateway:us-east-1::/apis/abcdefghij/stages/bad name",
            "arn:aws:apigateway:us-east-1::/apis/abcdefghij/stages/",
            "arn:aws:apigateway:us-east-1::/apis/abcdefghij/stages/prod/extra",
            "arn:aws:apigateway:us-east-1::/vpclinks/abc1234/x",
            "arn:aws:apigateway:us-east-1::/domainnames/example",
            "arn:aws:apigateway:us-east-1::/domainnames/api.example.com/apimappings/abc123",
        ])
    func refused(arn: String) {
        expectRegistryError(.badRequest) { () throws(RegistryError) in try TaggedResource(arn: arn) }
    }
}

/// Page size bounds.
@Suite("Page requests")
struct PageRequestTests {
    @Test("sizes from 1 to 500 are accepted", arguments: [1, 2, 100, 499, 500])
    func accepted(size: Int) throws {
        let request = try PageRequest(maxResults: size, after: PageCursor(lastSequence: 7))
        #expect(request.maxResults == size)
        #expect(request.after == PageCursor(lastSequence: 7))
    }

    @Test("sizes outside 1–500 are refused", arguments: [0, -1, 501, Int.max, Int.min])
    func refused(size: Int) {
        let error = expectRegistryError(.badRequest) { () throws(RegistryError) in try PageRequest(maxResults: size) }
        #expect(error?.message.contains("\(size)") == true)
    }

    @Test("the default page is 100 items from the start")
    func defaults() throws {
        let request = try PageRequest()
        #expect(request.maxResults == 100)
        #expect(request.after == nil)
        #expect(PageRequest.maximumSize == 500)
    }
}

/// Quotas and the quota check.
@Suite("Quotas")
struct QuotaTests {
    @Test("the defaults are AWS's")
    func awsDefaults() {
        let quotas = Quotas.aws
        #expect(quotas.routesPerAPI == 300)
        #expect(quotas.integrationsPerAPI == 300)
        #expect(quotas.stagesPerAPI == 10)
        #expect(quotas.authorizersPerAPI == 10)
        #expect(quotas.subnetsPerVpcLink == 10)
        #expect(Quotas() == .aws)
    }

    @Test("a count below the limit passes", arguments: [0, 1, 2])
    func below(count: Int) {
        expectAccepted { () throws(RegistryError) in
            try Quotas.check(count, below: 3, limitType: "RoutesPerApi", what: "routes per API")
        }
    }

    @Test("a count that fills the limit is refused with the limit type", arguments: [3, 4, 1000])
    func atLimit(count: Int) {
        let error = expectRegistryError(.tooManyRequests) { () throws(RegistryError) in
            try Quotas.check(count, below: 3, limitType: "RoutesPerApi", what: "routes per API")
        }
        #expect(error?.limitType == "RoutesPerApi")
        #expect(error?.message.contains("3 routes per API") == true)
    }
}

/// The error vocabulary.
@Suite("Registry errors")
struct RegistryErrorTests {
    @Test("the factories produce their codes")
    func factories() {
        #expect(RegistryError.badRequest("x").code == .badRequest)
        #expect(RegistryError.notFound("x").code == .notFound)
        #expect(RegistryError.conflict("x").code == .conflict)
        let quota = RegistryError.quotaExceeded("x", limitType: "StagesPerApi")
        #expect(quota.code == .tooManyRequests)
        #expect(quota.limitType == "StagesPerApi")
        #expect(RegistryError.badRequest("x").limitType == nil)
        #expect(RegistryError.conflict("boom").description == "conflict: boom")
    }

    @Test(
        "the tag filter wire form is key:value",
        arguments: [
            ("team:payments", "team", "payments"), ("team:", "team", ""), ("a:b:c", "a", "b:c"),
        ])
    func tagFilter(text: String, key: String, value: String) throws {
        let tag = try APIFilter.parseTag(text)
        #expect(tag.key == key)
        #expect(tag.value == value)
    }

    @Test("a tag filter without a key or colon is refused", arguments: ["team", ":payments", ""])
    func badTagFilter(text: String) {
        expectRegistryError(.badRequest) { () throws(RegistryError) in try APIFilter.parseTag(text) }
    }
}
