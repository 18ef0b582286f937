import CoreMetrics
import Foundation
public import Prometheus
import RegistryDomain
import Synchronization

/// The service's metrics in Prometheus's text format (`GET /metrics`).
///
/// swift-metrics reports into one ``PrometheusCollectorRegistry``: the process's metrics system is
/// bootstrapped with it once, on first use of ``shared``. Requests are counted and timed by
/// ``RequestMetricsMiddleware`` by AWS operation, method and status; the store's writer counts its
/// transactions. What is a level rather than an event (catalog sizes, file sizes, the writer's
/// queue, the process's memory and descriptors) is read when a scrape asks, into gauges registered
/// here with their help text.
public final class RegistryMetrics: Sendable {
    /// The registry every figure is in.
    public let registry: PrometheusCollectorRegistry

    /// The process's metrics: swift-metrics is bootstrapped with its registry on first use.
    public static let shared: RegistryMetrics = {
        let metrics = RegistryMetrics()
        MetricsSystem.bootstrap(metrics.factory)
        return metrics
    }()

    private let factory: PrometheusMetricsFactory
    private let gauges: ScrapeGauges
    /// Held from setting the gauges to emitting them, so that one scrape reports one reading.
    private let scrape = Mutex(())

    /// Creates the metrics with their registry (tests make their own; the server uses ``shared``).
    init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        let latency: [Duration] = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        factory.durationHistogramBuckets = [
            "registry_http_request_duration_seconds": latency,
            "registry_write_transaction_duration_seconds": latency,
        ]
        factory.valueHistogramBuckets = ["registry_group_commit_batch_writes": [1, 2, 4, 8, 16, 32, 64, 128, 256]]
        self.factory = factory
        gauges = ScrapeGauges(registry: registry)
    }

    /// The exposition text, with the gauges set from one reading of the store, its catalog and the
    /// process.
    func exposition(statistics: StoreStatistics, counts: CatalogCounts) -> [UInt8] {
        let process = ProcessStatistics.current(startedAt: gauges.startTime)
        return scrape.withLock { _ in
            gauges.record(statistics: statistics, counts: counts, process: process)
            return registry.emitToBuffer()
        }
    }
}

/// The gauges set at each scrape, registered with their help text.
private struct ScrapeGauges: Sendable {
    let startTime = Date().timeIntervalSince1970
    let apis: Prometheus.Gauge
    let routes: Prometheus.Gauge
    let integrations: Prometheus.Gauge
    let vpcLinks: Prometheus.Gauge
    let domainNames: Prometheus.Gauge
    let changeRecords: Prometheus.Gauge
    let queueDepth: Prometheus.Gauge
    let databaseBytes: Prometheus.Gauge
    let walBytes: Prometheus.Gauge
    let resident: Prometheus.Gauge
    let virtual: Prometheus.Gauge
    let openDescriptors: Prometheus.Gauge
    let maximumDescriptors: Prometheus.Gauge
    let started: Prometheus.Gauge

    init(registry: PrometheusCollectorRegistry) {
        func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Prometheus.Gauge {
            registry.makeGauge(
                descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
        }
        apis = gauge("registry_catalog_apis", "APIs in the catalog.")
        routes = gauge("registry_catalog_routes", "Routes in the catalog, across every API.")
        integrations = gauge("registry_catalog_integrations", "Integrations in the catalog, across every API.")
        vpcLinks = gauge("registry_catalog_vpc_links", "VPC links in the catalog.")
        domainNames = gauge("registry_catalog_domain_names", "Custom domain names in the catalog.")
        changeRecords = gauge("registry_change_records", "Change records in the history.")
        queueDepth = gauge("registry_group_commit_queue_depth", "Writes waiting for the writer at the scrape.")
        let files = "Size of the database's files in bytes (main: the database, wal: its write-ahead log)."
        databaseBytes = gauge("registry_database_bytes", files, [("file", "main")])
        walBytes = gauge("registry_database_bytes", files, [("file", "wal")])
        resident = gauge("process_resident_memory_bytes", "Resident memory size in bytes.")
        virtual = gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.")
        openDescriptors = gauge("process_open_fds", "Number of open file descriptors.")
        maximumDescriptors = gauge("process_max_fds", "Maximum number of open file descriptors.")
        started = gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
        gauge("registry_build_info", "The running build (always 1).", [("version", registryVersion)]).set(Int64(1))
        started.set(startTime)
    }

    /// Sets every gauge from the figures of one scrape.
    func record(statistics: StoreStatistics, counts: CatalogCounts, process: ProcessStatistics) {
        apis.set(Int64(counts.apis))
        routes.set(Int64(counts.routes))
        integrations.set(Int64(counts.integrations))
        vpcLinks.set(Int64(counts.vpcLinks))
        domainNames.set(Int64(counts.domainNames))
        changeRecords.set(Int64(counts.changeRecords))
        queueDepth.set(Int64(statistics.waitingWrites))
        databaseBytes.set(statistics.fileBytes["main"] ?? 0)
        walBytes.set(statistics.fileBytes["wal"] ?? 0)
        resident.set(process.residentBytes)
        virtual.set(process.virtualBytes)
        openDescriptors.set(Int64(process.openDescriptors))
        maximumDescriptors.set(Int64(process.maximumDescriptors))
    }
}
