// swift-tools-version:6.0
import PackageDescription

// Modules as DESIGN.md draws them; dependencies point down only:
// dynafolio → PortfolioApp → TerminalUI → DynadotAPI (TerminalText only)
//           → SyncEngine → PortfolioStore, DynadotAPI
//           → DynadotSim → DynadotAPI
let package = Package(
    name: "dynafolio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dynafolio", targets: ["dynafolio"]),
        .executable(name: "dynafolio-bench", targets: ["dynafolio-bench"]),
        .library(name: "DynadotAPI", targets: ["DynadotAPI"]),
        .library(name: "PortfolioStore", targets: ["PortfolioStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        .target(
            name: "DynadotAPI",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "DynadotSim",
            dependencies: [
                "DynadotAPI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "PortfolioStore",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")]
        ),
        // ncursesw through pkg-config; the header turns on the wide-character API.
        .systemLibrary(
            name: "CNCursesW",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Every ncurses macro and global we use, as a prefixed C function.
        .target(name: "CNCursesShim", dependencies: ["CNCursesW"]),
        // Removes the demo's temporary folder when a signal ends the process.
        .target(name: "CExitCleanup"),
        .target(
            name: "TerminalUI",
            dependencies: [
                "CNCursesShim",
                "DynadotAPI",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "SyncEngine",
            dependencies: ["DynadotAPI", "PortfolioStore", .product(name: "Logging", package: "swift-log"),
                           .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        .target(
            name: "PortfolioApp",
            dependencies: ["TerminalUI", "SyncEngine", "PortfolioStore"]
        ),
        .executableTarget(
            name: "dynafolio",
            dependencies: [
                "PortfolioApp",
                "CExitCleanup",
                "DynadotAPI",
                "DynadotSim",
                "SyncEngine",
                "PortfolioStore",
                "TerminalUI",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Measures DESIGN.md's performance budget: swift run -c release dynafolio-bench
        .executableTarget(
            name: "dynafolio-bench",
            dependencies: [
                "DynadotAPI", "DynadotSim", "PortfolioStore", "SyncEngine", "PortfolioApp", "TerminalUI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The tests' child processes, through posix_spawn (Tests/CChildSpawn/child_spawn.c says why).
        .target(name: "CChildSpawn", path: "Tests/CChildSpawn"),
        .target(name: "ChildProcess", dependencies: ["CChildSpawn"], path: "Tests/ChildProcess"),
        .testTarget(name: "DynadotAPITests", dependencies: ["DynadotAPI"]),
        .testTarget(name: "DynadotSimTests", dependencies: ["DynadotSim", "DynadotAPI", "ChildProcess", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "PortfolioStoreTests", dependencies: ["PortfolioStore", "ChildProcess"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "SyncEngineTests", dependencies: ["SyncEngine", "PortfolioStore", "DynadotAPI", "DynadotSim",
                                                           .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "CLITests", dependencies: ["DynadotSim", "DynadotAPI", "PortfolioStore", "ChildProcess"]),
        .testTarget(name: "PortfolioAppTests", dependencies: ["PortfolioApp", "PortfolioStore", "SyncEngine", "TerminalUI",
                                                             "DynadotSim", "DynadotAPI", "ChildProcess"]),
        .testTarget(name: "TUIEndToEndTests", dependencies: ["DynadotSim", "PortfolioStore", "ChildProcess"]),
    ]
)
