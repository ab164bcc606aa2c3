import ArgumentParser
import DynadotAPI
import DynadotSim
import Foundation

/// `dynafolio demo`: the simulator in-process, a fresh cache of its own, a
/// sync with a progress bar, then the TUI. Quitting stops the simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try dynafolio on a simulated account (no key, no network)."
    )

    @Option(help: "Number of generated domains.") var domains: Int = 2000
    @Option(help: "Seed for the generated portfolio.") var seed: UInt64 = 1
    @Option(help: "Theme name (default, light, high-contrast, mono) or path to a .toml file.") var theme: String?

    func validate() throws {
        guard domains >= 0 else { throw ValidationError("--domains must not be negative") }
    }

    func run() async throws {
        let config = try? AppConfiguration.load()
        let keys = config?.keys ?? [:]
        // The simulator is on this machine: let the demo drive it at the
        // Super Bulk limits, so a sync or push is never held to Regular's pace.
        DemoFolder.removeLeftovers()
        let demo = try DemoFolder.create()
        defer { demo.remove() }
        let folder = demo.url
        let server = SimServer(configuration: SimConfiguration(domainCount: domains, seed: seed, tier: .superBulk))
        let endpoint = try await server.start()
        // Another registrar asks for one domain, so the Transfers pane has
        // a transfer away to approve or deny.
        if let first = server.state.read({ $0.domains.first?.name }) { try server.requestTransferAway(first) }
        var failure: (any Error)?
        do {
            let engine = try TUIContext.engine(databasePath: folder.appendingPathComponent("demo.sqlite").path, endpoint: endpoint,
                                               apiKey: APIKey(SimConfiguration.demoKey), tier: .superBulk,
                                               logPath: config?.logPath ?? folder.appendingPathComponent("demo.log").path)
            try await TUIContext.run(engine: engine, hasAccount: true, keys: keys, themeFlag: theme,
                                     themeConfig: config?.theme, syncFirst: true)
        } catch {
            failure = error
        }
        try? await server.stop()
        if let failure {
            FileHandle.standardError.write(Data("dynafolio: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
