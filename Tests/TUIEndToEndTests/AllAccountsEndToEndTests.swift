import DynadotSim
import Foundation
import Testing

/// The All-accounts view in the real binary at 80×24: both accounts synced,
/// `:account all` shows every domain with its account in the first column.
extension TUIEndToEndTests {
    @Test func allAccountsViewAt80x24() async throws {
        try await withSecondAccount(seed: 37, key: "FAKE-ALLVIEW-SECOND-KEY") { world, tmux, second in
            try tmux.waitFor("the account in the status bar") { $0.contains("[main]") && $0.contains("never synced") }
            try tmux.send(":")
            try tmux.type("account all")
            try tmux.send("Enter")
            try tmux.waitFor("the All view") { $0.contains("[all]") && $0.contains("2 accounts") }
            // `sync` there syncs both accounts at once.
            try tmux.send("r")
            let shown = try tmux.waitFor("both synced") { $0.contains("/340") && $0.contains("Account") }
            let mainNames = Set(world.server.state.read { $0.domains.map(\.name) })
            let secondNames = Set(second.state.read { $0.domains.map(\.name) })
            var checked = 0
            for line in shown.split(separator: "\n").dropFirst(2) {
                let words = line.split(separator: " ").map(String.init)
                guard let account = words.first, let name = words.dropFirst().first,
                      let expected = mainNames.contains(name) ? "main" : secondNames.contains(name) ? "second" : nil else { continue }
                #expect(account == expected, "\(line)")
                checked += 1
            }
            #expect(checked >= 10, "\(shown)")
            // A one-account pane says how to pick one.
            try tmux.send("3")
            try tmux.waitFor(text: "The DNS pane shows one account at a time.")
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }
}
