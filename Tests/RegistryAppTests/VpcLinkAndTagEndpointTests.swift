import HTTPTypes
import RegistryDomain
import Testing

/// VPC links (DeleteVpcLink answers 202) and tags by ARN.
@Suite struct VpcLinkAndTagEndpointTests {
    @Test func vpcLinkLifecycle() async throws {
        try await TestRegistry.run { registry in
            let created = try await registry.call(
                .post, "/v2/vpclinks",
                #"{"name":"link","subnetIds":["subnet-0a1b2c3d4e5f60718"],"securityGroupIds":["sg-0c3d4e5f"]}"#)
            #expect(created.status == .created)
            #expect(created.string("vpcLinkStatus") == "AVAILABLE" && created.string("vpcLinkVersion") == "V2")
            let id = created.string("vpcLinkId")
            #expect(
                try await registry.call(.patch, "/v2/vpclinks/\(id)", #"{"name":"renamed"}"#).string("name")
                    == "renamed")
            #expect(try await registry.call(.get, "/v2/vpclinks").items.count == 1)
            let deleted = try await registry.call(.delete, "/v2/vpclinks/\(id)")
            #expect(deleted.status == .accepted)
            #expect(try await registry.call(.get, "/v2/vpclinks/\(id)").status == .notFound)
        }
    }

    @Test(arguments: [
        (#"{"name":"l","subnetIds":["nope"]}"#, "BadRequestException"),
        (#"{"name":"l","subnetIds":[]}"#, "BadRequestException"),
        (#"{"subnetIds":["subnet-0a1b2c3d"]}"#, "BadRequestException"),
        (
            #"{"name":"l","subnetIds":["subnet-0a1b2c3d","subnet-0a1b2c3e","subnet-0a1b2c3f"]}"#,
            "TooManyRequestsException"
        ),
    ])
    func refusedVpcLinks(body: String, expected: String) async throws {
        try await TestRegistry.run(quotas: .init(subnetsPerVpcLink: 2)) { registry in
            let reply = try await registry.call(.post, "/v2/vpclinks", body)
            #expect(reply.errorType == expected, "\(reply.body)")
            #expect(try await registry.call(.get, "/v2/vpclinks").items.isEmpty)
        }
    }

    @Test func tagsByARN() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let arn = "arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fapis%2F\(api)"
            #expect(
                try await registry.call(.post, "/v2/tags/\(arn)", #"{"tags":{"a":"1","b":"2"}}"#).status == .created)
            #expect(
                (try await registry.call(.get, "/v2/tags/\(arn)").json["tags"] as? [String: String]) == [
                    "a": "1", "b": "2",
                ])
            #expect(try await registry.call(.delete, "/v2/tags/\(arn)?tagKeys=a").status == .noContent)
            #expect((try await registry.call(.get, "/v2/tags/\(arn)").json["tags"] as? [String: String]) == ["b": "2"])
            #expect((try await registry.call(.get, "/v2/apis/\(api)").json["tags"] as? [String: String]) == ["b": "2"])
            let unknown = "arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fapis%2Fzzzzzzzzzz"
            #expect(try await registry.call(.get, "/v2/tags/\(unknown)").status == .notFound)
            #expect(try await registry.call(.get, "/v2/tags/not-an-arn").status == .badRequest)
        }
    }

    @Test func tooManyTagsAreRefusedAndChangeNothing() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let arn = "arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fapis%2F\(api)"
            let tags = (0..<51).map { #""k\#($0)":"v""# }.joined(separator: ",")
            #expect(try await registry.call(.post, "/v2/tags/\(arn)", #"{"tags":{\#(tags)}}"#).status == .badRequest)
            #expect((try await registry.call(.get, "/v2/tags/\(arn)").json["tags"] as? [String: String]) == [:])
        }
    }
}
