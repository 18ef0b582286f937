import Foundation
import HTTPTypes
import Logging
import RegistrySQLite
import RegistryTestSupport
import Synchronization
import Testing

@testable import RegistryApp

/// The access log line and the request's trace: a W3C `traceparent` is accepted and echoed with the
/// request id, a new trace starts when there is none (or it is malformed), and the log level set
/// for the service decides whether request lines are written at all.
@Suite struct AccessLogTests {
    /// A `traceparent` header value and whether it continues the caller's trace.
    struct Header: Sendable, CustomTestStringConvertible {
        let value: String
        let valid: Bool
        var testDescription: String { value.isEmpty ? "(empty)" : value }
    }

    static let headers = [
        Header(value: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", valid: true),
        Header(value: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", valid: true),
        // A later version may carry more fields after a dash.
        Header(value: "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", valid: true),
        Header(value: "00-00000000000000000000000000000000-00f067aa0ba902b7-01", valid: false),
        Header(value: "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", valid: false),
        Header(value: "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", valid: false),
        Header(value: "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", valid: false),
        Header(value: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", valid: false),
        Header(value: "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", valid: false),
        Header(value: "", valid: false),
        Header(value: "<script>alert(1)</script>", valid: false),
    ]

    @Test("traceparent headers", arguments: headers)
    func parse(header: Header) {
        let started: (high: UInt64, low: UInt64) = (0xaaaa_aaaa_aaaa_aaaa, 0xbbbb_bbbb_bbbb_bbbb)
        let trace = TraceContext(header: header.value, spanID: 0x1111_1111_1111_1111, newTraceID: started)
        #expect(trace.continued == header.valid)
        #expect(trace.spanIDText == "1111111111111111")
        if header.valid {
            #expect(trace.traceIDText == String(header.value.dropFirst(3).prefix(32)))
            #expect(trace.incomingOrStarted == "00-" + String(header.value.dropFirst(3).prefix(52)))
        } else {
            #expect(trace.traceIDText == "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb")
            #expect(trace.incomingOrStarted == "00-aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb-1111111111111111-01")
        }
    }

    @Test func idsAreSpelledInLowercaseHexOfTheirWidth() {
        #expect(TraceContext.hex(UInt64(0x00f0_67aa_0ba9_02b7)) == "00f067aa0ba902b7")
        #expect(TraceContext.hex(UInt8(1)) == "01")
        #expect(TraceContext.hex(UInt64.max) == "ffffffffffffffff")
    }

    /// The request lines a registry logged while `body` ran, with `level` as the service's level.
    static func requestLines(
        level: Logger.Level = .info, _ body: @Sendable (TestRegistry) async throws -> Void
    ) async throws -> [LogCapture.Record] {
        let capture = LogCapture()
        var logger = capture.logger
        logger.logLevel = level
        let directory = try TemporaryDirectory()
        let store = try SQLiteRegistryStore(path: directory.file("registry.sqlite"))
        try await TestRegistry.run(store: store, logger: logger, body)
        return capture.all.filter { $0.message == "request" }
    }

    @Test func aCallersTraceIsEchoedWithTheRequestID() async throws {
        let header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
        let replies = Mutex<[String]>([])
        let lines = try await Self.requestLines { registry in
            let traced = try await registry.call(.get, "/v2/apis", headers: [HTTPField.Name("traceparent")!: header])
            let fresh = try await registry.call(.get, "/v2/apis")
            replies.withLock { $0 = [traced, fresh].compactMap { $0.headers[HTTPFieldName.requestID] } }
        }
        let ids = replies.withLock { $0 }
        try #require(ids.count == 2 && lines.count == 2)
        let traced = try #require(lines.first { $0.metadata["requestId"] == ids[0] })
        #expect(traced.metadata["traceparent"] == header)
        // Without one, the request starts a trace named by its own id.
        let fresh = try #require(lines.first { $0.metadata["requestId"] == ids[1] })
        let parts = (fresh.metadata["traceparent"] ?? "").split(separator: "-").map(String.init)
        #expect(parts.count == 4)
        #expect(parts.first == "00" && parts.last == "01")
        #expect(parts.dropFirst().first == ids[1].replacingOccurrences(of: "-", with: ""))
        #expect(parts.dropFirst(2).first?.count == 16)
        #expect(fresh.metadata["status"] == "200" && fresh.metadata["method"] == "GET")
    }

    @Test func aLevelAboveInfoWritesNoRequestLines() async throws {
        let lines = try await Self.requestLines(level: .warning) { registry in
            _ = try await registry.call(.get, "/v2/apis")
            _ = try await registry.call(.get, "/v2/apis/zzzzzzzzzz")
        }
        #expect(lines.isEmpty)
    }
}
