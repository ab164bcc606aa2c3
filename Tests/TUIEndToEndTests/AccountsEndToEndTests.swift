import DynadotSim
import Foundation
import Testing

/// Two accounts in the real binary at 80×24: the status bar names the
/// account, `:account` and the picker switch, each account keeps its rows.
extension TUIEndToEndTests {
    /// A config.toml with two accounts: `main` (the default; it takes
    /// DYNADOT_API_KEY, DYNAFOLIO_ENDPOINT and DYNAFOLIO_DB, as the chosen
    /// account) and `second` on a simulator of its own, with `key`. The
    /// second simulator stops, also when `body` throws.
    func withSecondAccount(seed: UInt64, key: String, _ body: (World, TmuxSession, SimServer) async throws -> Void) async throws {
        let second = SimServer(configuration: SimConfiguration(domainCount: 40, seed: seed, apiKey: key))
        let secondEndpoint = try await second.start()
        do {
            try await withSession(width: 80, height: 24, prepare: { world in
                let config = world.folder.appendingPathComponent("config/dynafolio/config.toml")
                try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("""
                    [accounts.main]
                    api_key = "FAKE-STALE-MAIN-KEY"
                    default = true

                    [accounts.second]
                    api_key = "\(key)"
                    endpoint = "\(secondEndpoint.absoluteString)"
                    """.utf8).write(to: config)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
            }) { world, tmux in try await body(world, tmux, second) }
            try await second.stop()
        } catch {
            try? await second.stop()
            throw error
        }
    }

    @Test func switchAccountsAt80x24() async throws {
        try await withSecondAccount(seed: 31, key: "FAKE-SECOND-ACCOUNT-KEY") { world, tmux, second in
            try tmux.waitFor("the account in the status bar") { $0.contains("[main]") && $0.contains("never synced") }
            try tmux.send("r")
            try tmux.waitFor(text: "synced 300 domains")
            try tmux.send(":")
            try tmux.type("account second")
            try tmux.send("Enter")
            try tmux.waitFor("the second account") { $0.contains("[second]") && $0.contains("never synced") }
            try tmux.send("r")
            let synced = try tmux.waitFor(text: "synced 40 domains")
            let secondNames = second.state.read { $0.domains.map(\.name) }.sorted()
            #expect(synced.contains(try #require(secondNames.first)))
            // The picker, back to main: its rows, not the second account's.
            try tmux.send("@")
            try tmux.waitFor(text: "Enter switches")
            try tmux.send("k")
            try tmux.send("Enter")
            let back = try tmux.waitFor("main again") { $0.contains("[main]") && $0.contains("/300") }
            let mainFirst = try #require(world.server.state.read { $0.domains.map(\.name) }.sorted().first)
            #expect(back.contains(mainFirst))
            #expect(FileManager.default.fileExists(atPath: world.folder.appendingPathComponent("data/dynafolio/second.sqlite").path))
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }
}
