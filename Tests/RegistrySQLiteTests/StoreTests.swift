import Foundation
import GRDB
import RegistryDomain
import RegistryTestSupport
import Testing

@testable import RegistrySQLite

/// Connection settings, durability across reopen, and failures to open.
@Suite("SQLite store")
struct StoreTests {
    @Test(
        "the writer runs with synchronous=FULL, WAL and foreign keys",
        arguments: [
            ("synchronous", "2"), ("journal_mode", "wal"), ("foreign_keys", "1"),
        ])
    func pragmas(name: String, value: String) throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.writerPragma(name) == value)
    }

    @Test("isTaken knows every id of each kind, and only of that kind")
    func takenIDs() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let integration = try await fixture.lambdaIntegration(in: api)
        let route = try await fixture.route("GET /pets", to: integration, in: api)
        let link = try await fixture.vpcLink()
        let authorizer = try await fixture.jwtAuthorizer(in: api)
        let taken = try await fixture.store.read { registry throws(RegistryError) in
            [
                try registry.isTaken(api.id), try registry.isTaken(integration.id), try registry.isTaken(route.id),
                try registry.isTaken(link.id), try registry.isTaken(authorizer.id),
            ]
        }
        #expect(taken == [true, true, true, true, true])
        let free = try await fixture.store.read { registry throws(RegistryError) in
            [
                try registry.isTaken(APIID(uncheckedRawValue: "zzzzzzzzzz")),
                try registry.isTaken(RouteID(uncheckedRawValue: integration.id.rawValue)),
                try registry.isTaken(IntegrationID(uncheckedRawValue: route.id.rawValue)),
                try registry.isTaken(DeploymentID(uncheckedRawValue: route.id.rawValue)),
            ]
        }
        #expect(free == [false, false, false, false])
    }

    @Test("an untagged read is the full API without its tags; a tagged read carries them")
    func untaggedAPI() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.service.createAPI(
            APIInput(name: "tagged", protocolType: .http, tags: ["team": "payments", "tier": "1"]))
        let (tagged, untagged, missing) = try await fixture.store.read { registry throws(RegistryError) in
            (
                try registry.api(api.id), try registry.untaggedAPI(api.id),
                try registry.untaggedAPI(APIID(uncheckedRawValue: "zzzzzzzzzz"))
            )
        }
        #expect(tagged == api)
        #expect(tagged?.tags == ["team": "payments", "tier": "1"])
        var expected = api
        expected.tags = [:]
        #expect(untagged == expected)
        #expect(missing == nil)
    }

    @Test("the health check answers and the store names its file")
    func health() async throws {
        let fixture = try StoreFixture()
        try await fixture.store.checkHealth()
        #expect(fixture.store.path == fixture.path)
    }

    @Test("what was written is there after close and reopen")
    func reopen() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("durable.sqlite")
        let store = try SQLiteRegistryStore(path: path)
        let service = RegistryService(store: store, clock: Sample.now)
        let api = try await service.createAPI(
            APIInput(name: "durable", protocolType: .http, tags: ["team": "core"], target: Sample.function))
        let link = try await service.createVpcLink(VpcLinkInput(name: "l", subnetIds: ["subnet-0123abcd"]))
        let routes = try await service.routes(in: api.id, PageRequest()).items
        let stage = try await service.stage(.defaultStage, in: api.id)
        try store.close()

        let reopened = try SQLiteRegistryStore(path: path)
        let again = RegistryService(store: reopened, clock: Sample.now)
        #expect(try await again.api(api.id) == api)
        #expect(try await again.routes(in: api.id, PageRequest()).items == routes)
        #expect(try await again.stage(.defaultStage, in: api.id) == stage)
        #expect(try await again.vpcLink(link.id) == link)
        #expect(try reopened.writerPragma("synchronous") == "2")
        try reopened.close()
    }

    @Test("a committed write is visible to another store on the same file at once")
    func visibleToSecondStore() async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let second = try SQLiteRegistryStore(path: fixture.path)
        let seen = try await RegistryService(store: second, clock: Sample.now).api(api.id)
        #expect(seen == api)
        try second.close()
    }

    @Test("a file that is not a database, or a path that cannot be created, is unavailable")
    func unopenable() throws {
        let directory = try TemporaryDirectory()
        let garbage = directory.file("garbage.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: garbage))
        let error = try #require(throws: RegistryError.self) { try SQLiteRegistryStore(path: garbage) }
        #expect(error.code == .serviceUnavailable)
        let missing = try #require(throws: RegistryError.self) {
            try SQLiteRegistryStore(path: directory.file("no/such/dir/x.sqlite"))
        }
        #expect(missing.code == .serviceUnavailable)
    }

    @Test(
        "storage failures map to the registry's error codes",
        arguments: [
            (ResultCode.SQLITE_CONSTRAINT_UNIQUE, RegistryError.Code.conflict),
            (.SQLITE_CONSTRAINT_PRIMARYKEY, .conflict),
            (.SQLITE_CONSTRAINT_FOREIGNKEY, .conflict),
            (.SQLITE_CONSTRAINT_CHECK, .badRequest),
            (.SQLITE_CONSTRAINT_TRIGGER, .badRequest),
            (.SQLITE_CONSTRAINT_NOTNULL, .badRequest),
            (.SQLITE_BUSY, .serviceUnavailable),
            (.SQLITE_FULL, .serviceUnavailable),
            (.SQLITE_IOERR, .serviceUnavailable),
            (.SQLITE_READONLY, .serviceUnavailable),
            (.SQLITE_CORRUPT, .serviceUnavailable),
            (.SQLITE_ERROR, .internalFailure),
            (.SQLITE_MISUSE, .internalFailure),
        ])
    func errorMapping(resultCode: ResultCode, code: RegistryError.Code) {
        let error = RegistryError(storageFailure: DatabaseError(resultCode: resultCode, message: "detail"))
        #expect(error.code == code)
        #expect(error.message.contains("detail"))
    }

    @Test("a refused RESTRICT delete is a conflict; a trigger's own refusal is a bad request")
    func restrictDelete() {
        let restrict = DatabaseError(resultCode: .SQLITE_CONSTRAINT_TRIGGER, message: "FOREIGN KEY constraint failed")
        #expect(RegistryError(storageFailure: restrict).code == .conflict)
        let rule = DatabaseError(
            resultCode: .SQLITE_CONSTRAINT_TRIGGER,
            message: "HTTP APIs support only AWS_PROXY and HTTP_PROXY integrations")
        #expect(RegistryError(storageFailure: rule).code == .badRequest)
    }

    @Test("registry errors pass unchanged and foreign errors become internal failures")
    func errorPassThrough() {
        struct Foreign: Error {}
        #expect(RegistryError(storageFailure: RegistryError.notFound("x")) == .notFound("x"))
        #expect(RegistryError(storageFailure: Foreign()).code == .internalFailure)
    }
}
