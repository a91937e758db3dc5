// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "semfind",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "semfind", targets: ["semfind"]),
        .library(name: "TextEncoder", targets: ["TextEncoder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Test-only: the official MCP SDK is the real peer of `semfind mcp` in MCPClientTests;
        // the semfind binary never links it (each module adds start-up work to every query).
        // Its manifest needs tools 6.1, and every build resolves it: hence ours says 6.1.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"]), .brew(["poppler"])]
        ),
        // Only libpq's header: PostgresStore loads the library when an index needs it.
        .systemLibrary(name: "CPostgres", providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(name: "CKernels", exclude: ["README.md"], linkerSettings: [.linkedLibrary("m")]),
        .testTarget(name: "CKernelsTests", dependencies: ["CKernels", "SemfindCore", "TextEncoder"]),
        .target(name: "CSystemCalls", exclude: ["README.md"]),
        .target(name: "ChildProcess", dependencies: ["CSystemCalls", "SemfindCore"], exclude: ["README.md"]),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"]),
        .target(
            name: "ParserIsolation", dependencies: ["ChildProcess", "FileWalk", "Indexer", "SemfindCore"],
            exclude: ["README.md"]),
        .testTarget(name: "ParserIsolationTests", dependencies: ["ParserIsolation", "SemfindCore"]),
        .target(name: "SemfindCore", exclude: ["README.md"]),
        .testTarget(name: "SemfindCoreTests", dependencies: ["SemfindCore"]),
        .systemLibrary(name: "CMagic", providers: [.apt(["libmagic-dev"]), .brew(["libmagic"])]),
        .target(name: "FileWalk", dependencies: ["SemfindCore"], exclude: ["README.md"]),
        .target(name: "FileTyping", dependencies: ["CMagic", "FileWalk", "SemfindCore"], exclude: ["README.md"]),
        .testTarget(name: "FileWalkTests", dependencies: ["FileWalk", "FileTyping", "SemfindCore", "TestSupport"]),
        .target(
            name: "Indexer",
            dependencies: [
                "FileTyping", "FileWalk", "IndexBackends", "IndexStorage", "SemfindCore", "TextEncoder", "VectorIndex",
                "VectorStore",
            ],
            exclude: ["README.md"]),
        .testTarget(
            name: "IndexerTests",
            dependencies: [
                "FileWalk", "IndexBackends", "IndexStorage", "Indexer", "PostgresStore", "QueryEngine", "TestSupport",
                "TextFormat", "MarkdownFormat", "HTMLFormat", "SemfindCore",
            ]),
        .target(name: "FileWatcher", dependencies: ["FileWalk", "SemfindCore"], exclude: ["README.md"]),
        .testTarget(name: "FileWatcherTests", dependencies: ["FileWatcher", "FileWalk"]),
        .target(name: "TextEncoder", dependencies: ["CBLAS", "CKernels", "SemfindCore"], exclude: ["README.md"]),
        .target(
            name: "ModelInstall",
            dependencies: [
                "ChildProcess", "SemfindCore", "TextEncoder", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["README.md"]),
        .testTarget(
            name: "ModelInstallTests", dependencies: ["ModelInstall", "SemfindCore", "TestSupport", "TextEncoder"]),
        .target(
            name: "QueryEngine",
            dependencies: [
                "IndexBackends", "IndexStorage", "PostgresStore", "SemfindCore", "TextEncoder", "VectorIndex",
                "VectorStore",
            ],
            exclude: ["README.md"]),
        .testTarget(
            name: "QueryEngineTests",
            dependencies: ["IndexStorage", "QueryEngine", "TestSupport", "VectorIndex", "VectorStore"]),
        .target(name: "VectorIndex", dependencies: ["CBLAS", "CKernels", "SemfindCore"], exclude: ["README.md"]),
        .testTarget(name: "VectorIndexTests", dependencies: ["VectorIndex", "TestSupport"]),
        .target(name: "IndexStorage", dependencies: ["SemfindCore", "VectorIndex"], exclude: ["README.md"]),
        .target(
            name: "VectorStore", dependencies: ["CSQLite", "IndexStorage", "SemfindCore", "VectorIndex"],
            exclude: ["README.md"]),
        .target(
            name: "PostgresStore", dependencies: ["CPostgres", "IndexStorage", "SemfindCore", "VectorIndex"],
            exclude: ["README.md"]),
        .target(
            name: "IndexBackends", dependencies: ["IndexStorage", "PostgresStore", "VectorStore"],
            exclude: ["README.md"]),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: ["IndexStorage", "PostgresStore", "SemfindCore", "StorageConformance", "TestSupport"]),
        .target(
            name: "Benchmarks",
            dependencies: [
                "CBLAS", "CKernels", "IndexStorage", "ResultOutput", "SemfindCore", "TextEncoder", "VectorIndex",
                "VectorStore",
            ],
            exclude: ["README.md"]),
        .testTarget(
            name: "BenchmarksTests", dependencies: ["Benchmarks", "IndexStorage", "SemfindCore", "VectorStore"]),
        .target(
            name: "IndexSync",
            dependencies: ["FileWalk", "FileWatcher", "Indexer", "SemfindCore", "TextEncoder", "VectorStore"],
            exclude: ["README.md"]),
        .testTarget(
            name: "IndexSyncTests",
            dependencies: [
                "FileWalk", "IndexSync", "Indexer", "TestSupport", "TextEncoder", "TextFormat", "VectorStore",
            ]),
        .target(
            name: "ResultOutput",
            dependencies: [
                "IndexStorage", "Indexer", "QueryEngine", "SemfindCore", "TextEncoder", "VectorIndex", "VectorStore",
            ],
            exclude: ["README.md"]),
        .testTarget(
            name: "ResultOutputTests",
            dependencies: ["IndexStorage", "ResultOutput", "QueryEngine", "SemfindCore", "TestSupport", "VectorStore"]),
        .target(
            name: "SearchServer",
            dependencies: [
                "CSystemCalls", "FileWalk", "IndexBackends", "IndexStorage", "Indexer", "QueryEngine", "ResultOutput",
                "SemfindCore",
                "TextEncoder", "VectorIndex", "VectorStore",
            ],
            exclude: ["README.md"]),
        .testTarget(
            name: "SearchServerTests",
            dependencies: [
                "SearchServer", "Indexer", "ResultOutput", "SemfindCore", "TestSupport", "TextEncoder", "TextFormat",
            ]),
        .executableTarget(
            name: "semfind",
            dependencies: [
                "CKernels", "CSystemCalls", "SemfindCore", "TextEncoder", "ModelInstall", "IndexStorage", "VectorIndex",
                "VectorStore",
                "Indexer", "FileWalk", "FileWatcher", "QueryEngine", "ParserIsolation", "ResultOutput", "SearchServer",
                "IndexSync", "Benchmarks", "IndexBackends", "PostgresStore",
                "TextFormat",
                "MarkdownFormat",
                "HTMLFormat",
                "PDFFormat", "DOCXFormat", "ODTFormat", "PPTXFormat", "EPUBFormat",
                "CommandFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"],
            // Release builds on Linux link Swift's runtime and Foundation in: a query starts in
            // ~3 ms instead of ~16 ms of loading and relocating shared libraries
            // (docs/PERFORMANCE.md). Debug builds, which the tests link against, stay dynamic.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
                + [
                    "CoreFoundation", "FoundationInternationalization", "FoundationEssentials", "_FoundationICU",
                    "_FoundationCShims", "_FoundationCollections", "stdc++",
                ].map {
                    .linkedLibrary($0, .when(platforms: [.linux], configuration: .release))
                }
        ),
        .target(
            name: "ZippedXML",
            dependencies: ["SemfindCore", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["README.md"]),
        .target(name: "TextFormat", dependencies: ["SemfindCore"], path: "Plugins/TextFormat", exclude: ["README.md"]),
        .target(
            name: "MarkdownFormat", dependencies: ["SemfindCore"], path: "Plugins/MarkdownFormat",
            exclude: ["README.md", "CONFORMANCE.md"]),
        .target(
            name: "HTMLFormat", dependencies: ["SemfindCore", "CLibXML2"], path: "Plugins/HTMLFormat",
            exclude: ["README.md"]),
        .target(
            name: "PDFFormat", dependencies: ["SemfindCore", "CPoppler"], path: "Plugins/PDFFormat",
            exclude: ["README.md"]),
        .target(
            name: "CommandFormat",
            dependencies: [
                "ChildProcess", "SemfindCore", "TextFormat", "MarkdownFormat", "HTMLFormat",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            path: "Plugins/CommandFormat", exclude: ["README.md"]),
        .testTarget(name: "CommandFormatTests", dependencies: ["CommandFormat", "SemfindCore"]),
        .testTarget(name: "PDFFormatTests", dependencies: ["PDFFormat", "SemfindCore", "TestSupport"]),
        .target(
            name: "DOCXFormat", dependencies: ["SemfindCore", "ZippedXML"], path: "Plugins/DOCXFormat",
            exclude: ["README.md"]),
        .target(
            name: "EPUBFormat", dependencies: ["SemfindCore", "ZippedXML", "HTMLFormat"], path: "Plugins/EPUBFormat",
            exclude: ["README.md"]),
        .target(
            name: "ODTFormat", dependencies: ["SemfindCore", "ZippedXML"], path: "Plugins/ODTFormat",
            exclude: ["README.md"]),
        .target(
            name: "PPTXFormat", dependencies: ["SemfindCore", "ZippedXML"], path: "Plugins/PPTXFormat",
            exclude: ["README.md"]),
        .testTarget(
            name: "OfficeFormatTests",
            dependencies: [
                "ZippedXML", "DOCXFormat", "EPUBFormat", "ODTFormat", "PPTXFormat", "SemfindCore", "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "TextFormatTests", dependencies: ["TextFormat", "SemfindCore"]),
        .testTarget(name: "MarkdownFormatTests", dependencies: ["MarkdownFormat", "SemfindCore"]),
        .testTarget(name: "HTMLFormatTests", dependencies: ["HTMLFormat", "SemfindCore"]),
        .target(
            name: "TestSupport",
            dependencies: [
                "ChildProcess", "FileTyping", "FileWalk", "PostgresStore", "ResultOutput", "SemfindCore", "TextEncoder",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/TestSupport"),
        .testTarget(name: "TextEncoderTests", dependencies: ["TextEncoder", "TestSupport"]),
        .target(
            name: "StorageConformance", dependencies: ["IndexStorage", "SemfindCore", "TestSupport"],
            path: "Tests/StorageConformance"),
        .testTarget(
            name: "VectorStoreTests",
            dependencies: [
                "CSQLite", "IndexStorage", "VectorStore", "VectorIndex", "StorageConformance", "TestSupport",
            ]),
        .testTarget(
            name: "semfindTests",
            dependencies: ["semfind", "CKernels", "SearchServer", "TestSupport", "ChildProcess", "PostgresStore"]),
        .testTarget(
            name: "MCPClientTests",
            dependencies: [
                "semfind", "TestSupport", .product(name: "MCP", package: "swift-sdk"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
