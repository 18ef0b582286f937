import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RegistryApp
import RegistryDomain
import RegistrySQLite
import RegistryTestSupport
import Synchronization
import Testing

/// The application `buildApplication` makes: its store runs in the service group (closed when the
/// group stops, also when the server fails), and a failing store is a clean 500.
@Suite struct ApplicationLifecycleTests {
    @Test("an unexpected store failure is a 500 with the request id and no internal detail; the log has it")
    func unexpectedStoreFailure() async throws {
        let detail = "disk I/O error (SQLITE_IOERR_SHORT_READ) reading /var/lib/registry/registry.sqlite page 4711"
        let capture = LogCapture()
        let requests: [(HTTPRequest.Method, String, String?)] = [
            (.get, "/v2/apis", nil), (.post, "/v2/apis", #"{"name":"pets","protocolType":"HTTP"}"#),
            (.get, "/v2/apis/abcdefghij/routes/abcdefg", nil), (.delete, "/v2/vpclinks/abcdefg", nil),
            (.get, "/v2/apis/abcdefghij/template", nil), (.get, "/healthz", nil),
        ]
        let requestIDs = Mutex<[String]>([])
        try await TestRegistry.run(
            store: FailingStore(failure: RegistryError(.internalFailure, detail)), logger: capture.logger
        ) { registry in
            for (method, uri, body) in requests {
                let reply = try await registry.call(method, uri, body)
                #expect(reply.status == .internalServerError, "\(method) \(uri)")
                #expect(reply.errorType == "InternalServerException")
                let requestID = try #require(reply.headers[HTTPFieldName.requestID])
                #expect(reply.message.contains(requestID), "\(reply.message)")
                for leak in ["SQLITE", "/var/lib", "4711", "disk I/O"] {
                    #expect(!reply.body.contains(leak), "\(method) \(uri) answered \(reply.body)")
                }
                requestIDs.withLock { $0.append(requestID) }
            }
        }
        let logged = capture.all.filter { $0.message == "request" }
        for requestID in requestIDs.withLock({ $0 }) {
            let line = logged.first { $0.metadata["requestId"] == requestID }
            #expect(line?.metadata["detail"] == detail, "the log keeps the detail of \(requestID)")
            #expect(line?.metadata["errorType"] == "InternalServerException")
        }
    }

    @Test("the service group closes the store when the server cannot start")
    func storeClosesWhenTheServerFails() async throws {
        let directory = try TemporaryDirectory()
        let store = try SQLiteRegistryStore(path: directory.file("registry.sqlite"))
        // 203.0.113.0/24 is TEST-NET-3: no interface of this machine has it, so binding fails at once.
        let application = buildApplication(
            configuration: AppConfiguration(host: "203.0.113.7", port: 0), store: store,
            logger: TestRegistry.quietLogger)
        await #expect(throws: (any Error).self) { try await application.run() }
        #expect(store.isClosed)
        await expectRegistryError(.serviceUnavailable) { try await store.checkHealth() }
    }

    @Test("a store the service group closed keeps what was written; the file reopens")
    func closedStoreKeepsItsWrites() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("registry.sqlite")
        let apiID = Mutex<String?>(nil)
        try await TestRegistry.run(store: try SQLiteRegistryStore(path: path)) { registry in
            apiID.withLock { $0 = nil }
            let id = try await registry.createHTTPAPI(name: "kept")
            apiID.withLock { $0 = id }
        }
        let walEmpty = try !FileManager.default.fileExists(atPath: path + "-wal") || walSize(path) == 0
        #expect(walEmpty, "closing checkpoints the WAL into the database file")
        let reopened = try SQLiteRegistryStore(path: path)
        defer { _ = try? reopened.close() }
        let text = try #require(apiID.withLock { $0 })
        let id = try #require(APIID(validating: text))
        let api = try await makeService(store: reopened).api(id)
        #expect(api.name == "kept")
    }

    private func walSize(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "-wal")
        return (attributes[.size] as? NSNumber)?.intValue ?? -1
    }
}
