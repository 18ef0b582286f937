import Foundation
import GRDB
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Testing

/// The change log and the rows' versions (migration 0006): one record per successful write, none
/// for a refused one, revisions per stream, and every old revision rebuilt exactly.
@Suite("History")
struct HistoryTests {
    /// The operations of the API's revisions, oldest first.
    static func operations(_ fixture: StoreFixture, _ api: APIID) async throws -> [String] {
        try await fixture.service.revisions(of: api, PageRequest(maxResults: 500)).items.reversed().map(\.operation)
    }

    @Test("every write records one change, numbered in its API's stream, naming the bound origin")
    func recordsEveryWrite() async throws {
        let fixture = try StoreFixture()
        let origin = ChangeOrigin(principal: "deployer", requestID: "req-1")
        let (api, route) = try await ChangeOrigin.$current.withValue(origin) {
            let api = try await fixture.httpAPI()
            let integration = try await fixture.lambdaIntegration(in: api)
            let route = try await fixture.route("GET /pets", to: integration, in: api)
            return (api, route)
        }
        _ = try await fixture.service.updateRoute(route.id, in: api.id, RouteInput(routeKey: "GET /cats"))
        try await fixture.service.tag(.api(api.id), with: ["team": "pets"])
        try await fixture.service.deleteRoute(route.id, in: api.id)
        let revisions = try await fixture.service.revisions(of: api.id, PageRequest(maxResults: 500)).items
        #expect(
            revisions.map(\.operation)
                == ["DeleteRoute", "TagResource", "UpdateRoute", "CreateRoute", "CreateIntegration", "CreateApi"])
        #expect(revisions.map(\.revision) == [6, 5, 4, 3, 2, 1])
        #expect(
            revisions.map(\.principal) == ["anonymous", "anonymous", "anonymous", "deployer", "deployer", "deployer"])
        #expect(revisions.last?.requestID == "req-1")
        #expect(revisions[0].resourceType == "Route" && revisions[0].resourceID == route.id.rawValue)
        #expect(revisions.map(\.sequence) == revisions.map(\.sequence).sorted(by: >))
    }

    @Test("a refused write records nothing")
    func refusedWritesRecordNothing() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        try await fixture.route("GET /pets", in: api)
        await #expect(throws: RegistryError.self) { try await fixture.route("GET /pets", in: api) }
        await #expect(throws: RegistryError.self) {
            try await fixture.service.updateAPI(api.id, APIInput(name: String(repeating: "x", count: 200)))
        }
        #expect(try await Self.operations(fixture, api.id) == ["CreateApi", "CreateRoute"])
        let all = try await fixture.service.changes(ChangeFilter(), PageRequest(maxResults: 500)).items
        #expect(all.count == 2)
    }

    @Test("the store refuses a write that changes rows without recording its change, and rolls it back")
    func writeWithoutRecordIsRefused() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let error = await #expect(throws: RegistryError.self) {
            try await fixture.store.write { registry throws(RegistryError) in
                try registry.insert(
                    Route(
                        id: RouteID(uncheckedRawValue: "abcdefg"), apiID: api.id,
                        routeKey: RouteKey(stored: "$default", protocolType: .http)))
            }
        }
        #expect(error?.code == .internalFailure)
        #expect(try await fixture.allRoutes(of: api.id).isEmpty)
        let twice = await #expect(throws: RegistryError.self) {
            try await fixture.store.write { registry throws(RegistryError) in
                for _ in 0..<2 {
                    try registry.record("UpdateApi", .api, api.id.rawValue, in: .api(api.id), at: Sample.epoch)
                }
            }
        }
        #expect(twice?.code == .internalFailure)
        #expect(try await Self.operations(fixture, api.id) == ["CreateApi"])
    }

    @Test("deployments a stage makes automatically belong to the change that caused them")
    func autoDeploymentsBelongToTheirChange() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        _ = try await fixture.service.createStage(in: api.id, StageInput(stageName: "$default", autoDeploy: true))
        try await fixture.route("GET /pets", in: api)
        #expect(try await Self.operations(fixture, api.id) == ["CreateApi", "CreateStage", "CreateRoute"])
        let latest = try await fixture.service.change(revision: 3, of: api.id)
        let deploymentVersions = try await fixture.rawQueue().read { db in
            try Int64.fetchAll(
                db, sql: "SELECT valid_from FROM deployments_history WHERE api_id = ?", arguments: [api.id.rawValue])
        }
        #expect(deploymentVersions == [latest.sequence])
    }

    @Test("every revision rebuilds the snapshot the API had right after it")
    func revisionsRebuildTheirSnapshots() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let link = try await fixture.vpcLink()
        let api = try await fixture.httpAPI()
        var expected: [APISnapshot] = [try await service.snapshot(of: api.id)]
        func step(_ write: () async throws -> Void) async throws {
            try await write()
            expected.append(try await service.snapshot(of: api.id))
        }
        let integration = try await fixture.lambdaIntegration(in: api)
        expected.append(try await service.snapshot(of: api.id))
        var routes: [Route] = []
        for index in 0..<5 {
            try await step { routes.append(try await fixture.route("GET /r\(index)", to: integration, in: api)) }
        }
        try await step {
            _ = try await service.createStage(in: api.id, StageInput(stageName: "prod", autoDeploy: true))
        }
        try await step { _ = try await service.updateRoute(routes[1].id, in: api.id, RouteInput(routeKey: "POST /r1")) }
        try await step { try await service.deleteRoute(routes[2].id, in: api.id) }
        try await step {
            _ = try await service.createIntegration(
                in: api.id,
                IntegrationInput(
                    integrationType: .httpProxy, integrationUri: Sample.albListener, integrationMethod: "ANY",
                    connectionType: .vpcLink, connectionId: link.id.rawValue, payloadFormatVersion: "1.0"))
        }
        try await step { try await service.tag(.api(api.id), with: ["team": "pets"]) }
        try await step {
            try await service.tag(.stage(api.id, StageName(uncheckedRawValue: "prod")), with: ["env": "p"])
        }
        try await step { _ = try await service.updateAPI(api.id, APIInput(description: "the pets API")) }
        // A change to the VPC link is not a revision of the API; revisions read it as it was then.
        _ = try await service.updateVpcLink(link.id, VpcLinkInput(name: "renamed"))
        for (index, snapshot) in expected.enumerated() {
            #expect(try await service.snapshot(of: api.id, atRevision: index + 1) == snapshot, "revision \(index + 1)")
        }
        #expect(try await service.snapshot(of: api.id).vpcLinks.first?.name == "renamed")
    }

    @Test("a deleted API keeps its revisions; its last is the DeleteApi, after which nothing synthesizes")
    func deletedAPIKeepsItsHistory() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        try await fixture.route("GET /pets", in: api)
        let before = try await fixture.service.snapshot(of: api.id)
        try await fixture.service.deleteAPI(api.id)
        #expect(try await Self.operations(fixture, api.id) == ["CreateApi", "CreateRoute", "DeleteApi"])
        #expect(try await fixture.service.snapshot(of: api.id, atRevision: 2) == before)
        let error = await #expect(throws: RegistryError.self) {
            try await fixture.service.snapshot(of: api.id, atRevision: 3)
        }
        #expect(error?.code == .notFound)
        let beyond = await #expect(throws: RegistryError.self) {
            try await fixture.service.snapshot(of: api.id, atRevision: 4)
        }
        #expect(beyond?.message.contains("latest is 3") == true)
        let taken = try await fixture.store.read { registry throws(RegistryError) in try registry.isTaken(api.id) }
        #expect(taken, "a deleted API's id is never drawn again")
    }

    @Test("VPC links and domain names count their own revisions; API mappings count on their domain name")
    func otherStreams() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let link = try await fixture.vpcLink()
        _ = try await service.updateVpcLink(link.id, VpcLinkInput(name: "renamed"))
        try await service.tag(.vpcLink(link.id), with: ["a": "b"])
        let api = try await fixture.httpAPI()
        _ = try await service.createStage(in: api.id, StageInput(stageName: "prod"))
        let domain = try await service.createDomainName(
            DomainNameInput(
                domainName: "api.example.com",
                domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate)]))
        _ = try await service.createAPIMapping(
            on: domain.name, APIMappingInput(apiId: api.id.rawValue, apiMappingKey: "v1", stage: "prod"))
        let page = try PageRequest(maxResults: 500)
        let linkChanges = try await service.changes(ChangeFilter(resourceType: .vpcLink), page).items
        #expect(linkChanges.map(\.revision) == [3, 2, 1])
        #expect(Set(linkChanges.map(\.stream)) == [.vpcLink(link.id)])
        let mapping = try await service.changes(ChangeFilter(resourceType: .apiMapping), page).items
        #expect(mapping.map(\.stream) == [.domainName(domain.name)] && mapping.map(\.revision) == [2])
        #expect(try await Self.operations(fixture, api.id) == ["CreateApi", "CreateStage"])
    }

    @Test("the audit log filters by principal, resource type and time, newest first, page by page")
    func auditLog() async throws {
        let fixture = try StoreFixture()
        try await ChangeOrigin.$current.withValue(ChangeOrigin(principal: "alice")) {
            for name in ["a", "b", "c"] { _ = try await fixture.httpAPI(name) }
        }
        _ = try await fixture.vpcLink()
        let service = fixture.service
        let alice = try await service.changes(ChangeFilter(principal: "alice"), PageRequest(maxResults: 500)).items
        #expect(alice.count == 3 && alice.allSatisfy { $0.operation == "CreateApi" })
        #expect(try await service.changes(ChangeFilter(resourceType: .vpcLink), PageRequest()).items.count == 1)
        let future = Timestamp(millisecondsSinceEpoch: Sample.now().millisecondsSinceEpoch + 60_000)
        #expect(try await service.changes(ChangeFilter(since: future), PageRequest()).items.isEmpty)
        var seen: [Int64] = []
        var cursor: PageCursor?
        repeat {
            let page = try await service.changes(ChangeFilter(), PageRequest(maxResults: 1, after: cursor))
            seen += page.items.map(\.sequence)
            cursor = page.next
        } while cursor != nil
        #expect(seen == [4, 3, 2, 1])
    }

    @Test("a change's detail holds the resource it names as it was right before and right after it")
    func changeDetails() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let created = try await fixture.route("GET /pets", to: integration, in: api)
        let updated = try await service.updateRoute(created.id, in: api.id, RouteInput(routeKey: "GET /cats"))
        try await service.tag(.api(api.id), with: ["team": "pets"])
        try await service.deleteRoute(created.id, in: api.id)
        let link = try await fixture.vpcLink()
        let renamed = try await service.updateVpcLink(link.id, VpcLinkInput(name: "renamed"))
        let ws = try await fixture.webSocketAPI()
        let wsRoute = try await fixture.route("$connect", to: try await fixture.lambdaIntegration(in: ws), in: ws)
        let response = try await service.createRouteResponse(
            of: wsRoute.id, in: ws.id, RouteResponseInput(routeResponseKey: "$default"))
        let log = try await service.changes(ChangeFilter(), PageRequest(maxResults: 500)).items.reversed()
        func detail(_ operation: String) async throws -> ChangeDetail {
            let change = try #require(log.first { $0.operation == operation }, "\(operation)")
            return try await service.change(sequence: change.sequence)
        }
        let create = try await detail("CreateRoute")
        #expect(create.before == nil && create.after == .route(created))
        let update = try await detail("UpdateRoute")
        #expect(update.before == .route(created) && update.after == .route(updated))
        let delete = try await detail("DeleteRoute")
        #expect(delete.before == .route(updated) && delete.after == nil)
        let tag = try await detail("TagResource")
        var tagged = try await service.api(api.id)
        #expect(tag.after == .api(tagged))
        tagged.tags = [:]
        #expect(tag.before == .api(tagged))
        let rename = try await detail("UpdateVpcLink")
        #expect(rename.before == .vpcLink(link) && rename.after == .vpcLink(renamed))
        let routeResponse = try await detail("CreateRouteResponse")
        #expect(routeResponse.before == nil && routeResponse.after == .routeResponse(response))
        #expect(create.change.resourceID == created.id.rawValue && create.change.operation == "CreateRoute")
        let missing = await #expect(throws: RegistryError.self) { try await service.change(sequence: 10_000) }
        #expect(missing?.code == .notFound)
    }

    @Test("the open versions of every table are exactly its rows, and every version belongs to a committed change")
    func versionsReplayToTheCurrentRows() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let link = try await fixture.vpcLink()
        for number in 0..<3 {
            let api = try await fixture.httpAPI("api\(number)")
            let integration = try await fixture.lambdaIntegration(in: api)
            _ = try await service.createStage(in: api.id, StageInput(stageName: "prod", autoDeploy: true))
            var routes: [Route] = []
            for index in 0..<4 { routes.append(try await fixture.route("GET /r\(index)", to: integration, in: api)) }
            _ = try await service.updateRoute(routes[0].id, in: api.id, RouteInput(routeKey: "PUT /r0"))
            try await service.deleteRoute(routes[1].id, in: api.id)
            try await service.tag(.api(api.id), with: ["n": "\(number)"])
            _ = try await fixture.jwtAuthorizer(in: api)
            if number == 1 { try await service.deleteAPI(api.id) }
        }
        try await service.tag(.vpcLink(link.id), with: ["k": "v"])
        let ws = try await fixture.webSocketAPI()
        let wsIntegration = try await fixture.lambdaIntegration(in: ws)
        let wsRoute = try await fixture.route("$connect", to: wsIntegration, in: ws)
        _ = try await service.createRouteResponse(
            of: wsRoute.id, in: ws.id, RouteResponseInput(routeResponseKey: "$default"))
        _ = try await service.createModel(
            in: ws.id, ModelInput(name: "Pet", schema: #"{"type": "object"}"#, contentType: "application/json"))
        try await fixture.rawQueue().read { db in
            for table in Self.versionedTables {
                let columns = try db.columns(in: table).map(\.name).joined(separator: ", ")
                let current = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY \(columns)")
                let open = try Row.fetchAll(
                    db,
                    sql: "SELECT \(columns) FROM \(table)_history WHERE valid_to IS NULL ORDER BY \(columns)")
                #expect(current == open, "\(table)")
                let orphans = try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM \(table)_history WHERE valid_from NOT IN (SELECT seq FROM changes)
                        OR (valid_to IS NOT NULL AND valid_to NOT IN (SELECT seq FROM changes))
                        """)
                #expect(orphans == 0, "\(table)")
            }
        }
    }

    @Test("a dry run runs the write's rules, keeps its states before and after, and changes nothing")
    func dryRuns() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let dryRun = DryRun()
        let route = try await DryRun.$current.withValue(dryRun) {
            try await fixture.route("GET /pets", to: integration, in: api)
        }
        #expect(try await fixture.allRoutes(of: api.id).isEmpty)
        #expect(try await Self.operations(fixture, api.id) == ["CreateApi", "CreateIntegration"])
        #expect(dryRun.streams == [.api(api.id)] && dryRun.revision == 3)
        #expect(dryRun.before?.apis[api.id]?.routes.isEmpty == true)
        #expect(dryRun.after?.apis[api.id]?.routes == [route])
        try await fixture.route("GET /cats", in: api)
        let conflict = await #expect(throws: RegistryError.self) {
            try await DryRun.$current.withValue(DryRun()) { try await fixture.route("GET /cats", in: api) }
        }
        #expect(conflict?.code == .conflict)
    }

    @Test("a dry run of a change that stops touching an API reads that API after it too")
    func dryRunOfARemovedMapping() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let api = try await fixture.httpAPI()
        _ = try await service.createStage(in: api.id, StageInput(stageName: "prod"))
        let domain = try await service.createDomainName(
            DomainNameInput(
                domainName: "api.example.com",
                domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate)]))
        let mapping = try await service.createAPIMapping(
            on: domain.name, APIMappingInput(apiId: api.id.rawValue, apiMappingKey: "v1", stage: "prod"))
        let dryRun = DryRun()
        try await DryRun.$current.withValue(dryRun) { try await service.deleteAPIMapping(mapping.id, on: domain.name) }
        #expect(dryRun.before?.apiIDs == [api.id] && dryRun.after?.apiIDs == [api.id])
        #expect(dryRun.before?.apis[api.id]?.apiMappings == [mapping])
        #expect(dryRun.after?.apis[api.id]?.apiMappings == [])
        #expect(dryRun.after?.domainNames.map(\.name) == [domain.name])
        #expect(try await service.apiMapping(mapping.id, on: domain.name) == mapping)
    }

    @Test("restoring a revision makes one new revision with that revision's content and ids")
    func restore() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let routes = [
            try await fixture.route("GET /a", to: integration, in: api),
            try await fixture.route("GET /b", to: integration, in: api),
        ]
        _ = try await service.createStage(in: api.id, StageInput(stageName: "prod", autoDeploy: true))
        try await service.tag(.api(api.id), with: ["team": "pets"])
        let good = try await service.snapshot(of: api.id)
        let goodRevision = try await service.latestRevision(of: api.id)
        try await service.deleteRoute(routes[0].id, in: api.id)
        _ = try await service.updateRoute(routes[1].id, in: api.id, RouteInput(routeKey: "POST /b"))
        try await fixture.route("GET /c", to: integration, in: api)
        let restored = try await service.restoreRevision(goodRevision, of: api.id)
        #expect(restored == good.api)
        #expect(try await service.snapshot(of: api.id) == good)
        #expect(try await service.latestRevision(of: api.id) == goodRevision + 4)
        #expect(try await Self.operations(fixture, api.id).last == "RestoreRevision")
        // Paging and rules work on the restored rows as on any others.
        #expect(try await fixture.allRoutes(of: api.id).map(\.routeKey.rawValue) == ["GET /a", "GET /b"])
        await #expect(throws: RegistryError.self) { try await fixture.route("GET /a", in: api) }
    }

    @Test("restoring a deleted API brings it back under its id; its deletion cannot be restored")
    func restoreDeleted() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let api = try await fixture.httpAPI()
        try await fixture.route("GET /pets", in: api)
        let before = try await service.snapshot(of: api.id)
        try await service.deleteAPI(api.id)
        let deletion = await #expect(throws: RegistryError.self) { try await service.restoreRevision(3, of: api.id) }
        #expect(deletion?.code == .badRequest)
        _ = try await service.restoreRevision(2, of: api.id)
        #expect(try await service.snapshot(of: api.id) == before)
        #expect(
            try await Self.operations(fixture, api.id) == ["CreateApi", "CreateRoute", "DeleteApi", "RestoreRevision"])
    }

    @Test("a restore that can no longer be valid is refused with the rule's error and changes nothing")
    func restoreRefused() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let link = try await fixture.vpcLink()
        let api = try await fixture.httpAPI()
        let integration = try await service.createIntegration(
            in: api.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: Sample.albListener, integrationMethod: "ANY",
                connectionType: .vpcLink, connectionId: link.id.rawValue, payloadFormatVersion: "1.0"))
        try await service.deleteIntegration(integration.id, in: api.id)
        try await service.deleteVpcLink(link.id)
        let now = try await service.snapshot(of: api.id)
        let error = await #expect(throws: RegistryError.self) { try await service.restoreRevision(2, of: api.id) }
        #expect(error?.code == .notFound && error?.message.contains("VPC link") == true)
        #expect(try await service.snapshot(of: api.id) == now)
        #expect(try await service.latestRevision(of: api.id) == 3)
    }

    @Test("a restore brings back the API's mappings, refused when their key was taken since")
    func restoreMappings() async throws {
        let fixture = try StoreFixture()
        let service = fixture.service
        let api = try await fixture.httpAPI()
        let other = try await fixture.httpAPI("other")
        for id in [api.id, other.id] { _ = try await service.createStage(in: id, StageInput(stageName: "prod")) }
        let domain = try await service.createDomainName(
            DomainNameInput(
                domainName: "api.example.com",
                domainNameConfigurations: [DomainNameConfiguration(certificateArn: Self.certificate)]))
        let mapping = try await service.createAPIMapping(
            on: domain.name, APIMappingInput(apiId: api.id.rawValue, apiMappingKey: "v1", stage: "prod"))
        // A mapping counts in its domain name's revisions: the API's next revision is the first with it.
        try await service.tag(.api(api.id), with: ["mapped": "yes"])
        let mapped = try await service.latestRevision(of: api.id)
        try await service.deleteAPIMapping(mapping.id, on: domain.name)
        _ = try await service.restoreRevision(mapped, of: api.id)
        #expect(try await service.apiMapping(mapping.id, on: domain.name).key == "v1")
        try await service.deleteAPIMapping(mapping.id, on: domain.name)
        _ = try await service.createAPIMapping(
            on: domain.name, APIMappingInput(apiId: other.id.rawValue, apiMappingKey: "v1", stage: "prod"))
        let taken = await #expect(throws: RegistryError.self) { try await service.restoreRevision(mapped, of: api.id) }
        #expect(taken?.code == .conflict)
    }

    /// An ACM certificate ARN.
    static let certificate = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"

    /// Every table with a history twin.
    static let versionedTables = [
        "apis", "api_tags", "vpc_links", "vpc_link_tags", "integrations", "authorizers", "routes", "deployments",
        "stages", "stage_tags", "models", "route_responses", "integration_responses", "domain_names",
        "domain_name_tags", "api_mappings",
    ]
}
