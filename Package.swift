// swift-tools-version:6.1
import PackageDescription

/// Upcoming language features every target adopts: `any` spelled out on every existential, imports
/// internal unless a target re-exports a module's types in its own public API (`public import`),
/// and members visible only from modules a file imports itself.
let upcomingFeatures: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "integration-registry",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "integration-registry", targets: ["integration-registry"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.3"),
        // OTLP over HTTP only: the gRPC exporter's packages would double the first build's time.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        .target(name: "RegistryDomain"),
        .target(
            name: "RegistrySQLite",
            dependencies: [
                "RegistryDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ]
        ),
        .target(name: "RegistrySynth", dependencies: ["RegistryDomain"]),
        .target(name: "RegistryImport", dependencies: ["RegistryDomain", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "RegistryAuth",
            dependencies: ["RegistryDomain", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "RegistryApp",
            dependencies: [
                "RegistryDomain",
                "RegistrySQLite",
                "RegistrySynth",
                "RegistryAuth",
                "RegistryImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "integration-registry",
            dependencies: [
                "RegistryApp",
                "RegistrySynth",
                "RegistryAuth",
                "RegistryDomain",
                "RegistrySQLite",
                "RegistryImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "RegistryDomainTests", dependencies: ["RegistryDomain", "RegistryTestSupport"]),
        .testTarget(
            name: "RegistryImportTests",
            dependencies: [
                "RegistryImport", "RegistryDomain", "RegistrySQLite", "RegistrySynth", "RegistryTestSupport",
            ]
        ),
        .testTarget(
            name: "RegistrySQLiteTests",
            dependencies: [
                "RegistrySQLite", "RegistryDomain", "RegistryTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "RegistryAuthTests", dependencies: ["RegistryAuth", "RegistryDomain"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RegistrySynthTests",
            dependencies: [
                "RegistrySynth", "RegistryDomain", "RegistryTestSupport", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
        .target(
            name: "RegistryTestSupport",
            dependencies: ["RegistryDomain", "RegistrySynth"],
            path: "Tests/RegistryTestSupport"
        ),
        .testTarget(
            name: "RegistryAppTests",
            dependencies: [
                "RegistryApp",
                "RegistryAuth",
                "RegistryDomain",
                "RegistrySQLite",
                "RegistrySynth",
                "RegistryTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets {
    target.swiftSettings = (target.swiftSettings ?? []) + upcomingFeatures
}
