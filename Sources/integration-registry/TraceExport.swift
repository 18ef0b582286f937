import Instrumentation
import OTel
import ServiceLifecycle

/// Exporting the service's spans to an OpenTelemetry collector over OTLP/HTTP (protobuf): the
/// process's tracer is bootstrapped with swift-otel's, whose background service batches and
/// sends spans and must run in the application's service group.
///
/// Spans go to `<endpoint>/v1/traces` as service `integration-registry`, W3C Trace Context
/// propagation; OpenTelemetry's own environment variables (`OTEL_SERVICE_NAME`,
/// `OTEL_TRACES_SAMPLER`, `OTEL_EXPORTER_OTLP_HEADERS`, …) adjust the rest.
struct TraceExport {
    /// The exporter's background service.
    let service: any Service

    /// Bootstraps the process's tracer with an exporter to `endpoint` (a collector's base URL).
    /// - Throws: swift-otel's error when the configuration is refused.
    init(endpoint: String) throws {
        var configuration = OTel.Configuration.default
        configuration.serviceName = "integration-registry"
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        configuration.traces.enabled = true
        configuration.traces.exporter = .otlp
        configuration.traces.otlpExporter.protocol = .httpProtobuf
        configuration.traces.otlpExporter.endpoint =
            (endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint) + "/v1/traces"
        configuration.propagators = [.traceContext]
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        InstrumentationSystem.bootstrap(backend.factory)
        service = backend.service
    }
}
