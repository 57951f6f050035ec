// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "dealgraph",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dealgraph", targets: ["dealgraph"]),
        .library(name: "GraphQLEngine", targets: ["GraphQLEngine"]),
        // The CRM schema and data the engine's tests and benchmark share.
        .library(name: "GraphQLEngineFixtures", targets: ["GraphQLEngineFixtures"]),
        .library(name: "PostgresClient", targets: ["PostgresClient"]),
        .library(name: "CRMStore", targets: ["CRMStore"]),
        .library(name: "APICore", targets: ["APICore"]),
        .library(name: "SeededRandom", targets: ["SeededRandom"]),
        .library(name: "CRMGraphQL", targets: ["CRMGraphQL"]),
        .library(name: "ParseREST", targets: ["ParseREST"]),
        .library(name: "DealGraphServer", targets: ["DealGraphServer"]),
        .library(name: "ParseTransfer", targets: ["ParseTransfer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "PostgresClient",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(name: "GraphQLEngine", swiftSettings: strict),
        .target(name: "SeededRandom", swiftSettings: strict),
        .target(name: "GraphQLEngineFixtures", dependencies: ["GraphQLEngine"], swiftSettings: strict),
        .target(
            name: "CRMStore",
            dependencies: [
                "PostgresClient", "SeededRandom",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/crm-classes.json")],
            swiftSettings: strict
        ),
        .target(
            name: "APICore",
            dependencies: ["CRMStore", "GraphQLEngine", "PostgresClient", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(
            name: "CRMGraphQL",
            dependencies: ["APICore", "GraphQLEngine", "CRMStore", "PostgresClient"],
            swiftSettings: strict
        ),
        .target(
            name: "ParseREST",
            dependencies: ["APICore", "GraphQLEngine", "CRMStore", "PostgresClient"],
            swiftSettings: strict
        ),
        .target(
            name: "ParseTransfer",
            dependencies: ["APICore", "GraphQLEngine", "CRMStore", "PostgresClient"],
            swiftSettings: strict
        ),
        .target(
            name: "DealGraphServer",
            dependencies: [
                "APICore", "CRMGraphQL", "ParseREST", "GraphQLEngine", "CRMStore", "PostgresClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources/app")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "dealgraph",
            dependencies: [
                "DealGraphServer", "PostgresClient", "CRMStore", "ParseTransfer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Test support: the test cluster, the fixture built by the composition root, the test
        // server and client, graphql-core, waiting for conditions.
        .target(
            name: "DealGraphTesting",
            dependencies: [
                "DealGraphServer", "APICore", "CRMGraphQL", "CRMStore", "GraphQLEngine", "PostgresClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "DealGraphTesting"], swiftSettings: strict),
        .testTarget(
            name: "GraphQLEngineTests",
            dependencies: ["GraphQLEngine", "GraphQLEngineFixtures", "DealGraphTesting", "SeededRandom"],
            swiftSettings: strict
        ),
        // libFuzzer targets (`make fuzz`): the inputs a client controls, and an executable that is
        // libFuzzer's entry point when built with -sanitize=fuzzer -DFUZZING, a replayer otherwise.
        .target(name: "FuzzTargets", dependencies: ["GraphQLEngine", "CRMGraphQL", "APICore", "CRMStore"], swiftSettings: strict),
        .executableTarget(name: "dealgraph-fuzz", dependencies: ["FuzzTargets"], swiftSettings: strict),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], swiftSettings: strict),
        .testTarget(name: "CRMStoreTests", dependencies: ["CRMStore", "DealGraphTesting", "SeededRandom"], swiftSettings: strict),
        .testTarget(name: "ParseTransferTests", dependencies: ["ParseTransfer", "CRMStore", "APICore", "DealGraphTesting", "PostgresClient", "SeededRandom"],
                    swiftSettings: strict),
        .testTarget(name: "APICoreTests", dependencies: ["APICore", "DealGraphTesting", "PostgresClient"], swiftSettings: strict),
        .testTarget(name: "CRMGraphQLTests", dependencies: ["CRMGraphQL", "APICore", "DealGraphTesting"], swiftSettings: strict),
        .testTarget(
            name: "DealGraphServerTests",
            dependencies: [
                "DealGraphServer", "DealGraphTesting", "PostgresClient", "ParseREST",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
