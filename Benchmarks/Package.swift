// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so that the peers they measure (GraphQLSwift) never
// become dependencies of the product. `scripts/bench` (make bench) builds it in release mode and
// runs every executable target below.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "dealgraph", path: ".."),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", from: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmark",
            dependencies: [
                .product(name: "GraphQLEngine", package: "dealgraph"),
                .product(name: "GraphQLEngineFixtures", package: "dealgraph"),
                .product(name: "GraphQL", package: "GraphQL"),
            ]
        ),
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: [
                .product(name: "CRMStore", package: "dealgraph"),
                .product(name: "DealGraphServer", package: "dealgraph"),
                .product(name: "PostgresClient", package: "dealgraph"),
            ]
        ),
        .executableTarget(
            name: "PostgresBenchmark",
            dependencies: [.product(name: "PostgresClient", package: "dealgraph")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
