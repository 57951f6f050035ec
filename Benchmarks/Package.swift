// swift-tools-version:6.0
import PackageDescription

// Benchmarks live in their own package so that the peers they measure (GraphQLSwift) never
// become dependencies of the product. Build in release: `swift run -c release EngineBenchmark`.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "dealgraph", path: ".."),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", from: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmark",
            dependencies: [
                .product(name: "GraphQLEngine", package: "dealgraph"),
                .product(name: "GraphQL", package: "GraphQL"),
            ]
        ),
        .executableTarget(
            name: "StoreBenchmark",
            dependencies: [
                .product(name: "CRMStore", package: "dealgraph"),
                .product(name: "PostgresClient", package: "dealgraph"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
