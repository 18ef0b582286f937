import HTTPTypes
import RegistryDomain
import Testing

/// Stages (including `$default` through `%24default`) and deployments over HTTP.
@Suite struct StageAndDeploymentEndpointTests {
    @Test func defaultStageRoundTripsThroughItsEncodedName() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            let created = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"$default"}"#)
            #expect(created.status == .created)
            #expect(created.json["autoDeploy"] as? Bool == false)
            let read = try await registry.call(.get, "/v2/apis/\(api)/stages/%24default")
            #expect(read.string("stageName") == "$default")
            let updated = try await registry.call(
                .patch, "/v2/apis/\(api)/stages/%24default", #"{"description":"prod","stageVariables":{"a":"b"}}"#)
            #expect(updated.string("description") == "prod")
            #expect((updated.json["stageVariables"] as? [String: String]) == ["a": "b"])
            let duplicate = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"$default"}"#)
            #expect(duplicate.status == .conflict)
            #expect(try await registry.call(.delete, "/v2/apis/\(api)/stages/%24default").status == .noContent)
            #expect(try await registry.call(.get, "/v2/apis/\(api)/stages/%24default").status == .notFound)
        }
    }

    @Test func stageQuotaAnswers429() async throws {
        try await TestRegistry.run(quotas: .init(stagesPerAPI: 1)) { registry in
            let api = try await registry.createHTTPAPI()
            _ = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"dev"}"#)
            let refused = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"prod"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.json["limitType"] as? String == "StagesPerApi")
        }
    }

    @Test func deploymentsNeedRoutesAndMoveTheirStage() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            _ = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"prod"}"#)
            let empty = try await registry.call(.post, "/v2/apis/\(api)/deployments", #"{"stageName":"prod"}"#)
            #expect(empty.status == .badRequest)
            _ = try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /a"}"#)
            let deployment = try await registry.call(
                .post, "/v2/apis/\(api)/deployments", #"{"stageName":"prod","description":"first"}"#)
            #expect(deployment.status == .created)
            #expect(deployment.string("deploymentStatus") == "DEPLOYED")
            let id = deployment.string("deploymentId")
            #expect(try await registry.call(.get, "/v2/apis/\(api)/stages/prod").string("deploymentId") == id)
            let busy = try await registry.call(.delete, "/v2/apis/\(api)/deployments/\(id)")
            #expect(busy.status == .badRequest)
            let renamed = try await registry.call(.patch, "/v2/apis/\(api)/deployments/\(id)", #"{"description":"x"}"#)
            #expect(renamed.string("description") == "x")
            #expect(try await registry.call(.get, "/v2/apis/\(api)/deployments").items.count == 1)
        }
    }

    @Test func autoDeployStageGetsADeploymentPerChange() async throws {
        try await TestRegistry.run { registry in
            let api = try await registry.createHTTPAPI()
            _ = try await registry.call(.post, "/v2/apis/\(api)/stages", #"{"stageName":"live","autoDeploy":true}"#)
            _ = try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /a"}"#)
            let first = try await registry.call(.get, "/v2/apis/\(api)/stages/live").string("deploymentId")
            _ = try await registry.call(.post, "/v2/apis/\(api)/routes", #"{"routeKey":"GET /b"}"#)
            let second = try await registry.call(.get, "/v2/apis/\(api)/stages/live").string("deploymentId")
            #expect(!first.isEmpty && !second.isEmpty && first != second)
            let deployments = try await registry.call(.get, "/v2/apis/\(api)/deployments").items
            #expect(deployments.count == 2)
            #expect(deployments.allSatisfy { $0["autoDeployed"] as? Bool == true })
        }
    }

    @Test func stageCannotServeAnotherAPIsDeployment() async throws {
        try await TestRegistry.run { registry in
            let one = try await registry.createHTTPAPI(name: "one")
            let two = try await registry.createHTTPAPI(name: "two")
            _ = try await registry.call(.post, "/v2/apis/\(two)/routes", #"{"routeKey":"GET /a"}"#)
            let foreign = try await registry.call(.post, "/v2/apis/\(two)/deployments", "{}").string("deploymentId")
            let reply = try await registry.call(
                .post, "/v2/apis/\(one)/stages", #"{"stageName":"s","deploymentId":"\#(foreign)"}"#)
            #expect(reply.status == .notFound)
        }
    }
}
