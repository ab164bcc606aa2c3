import DynadotSim
import Foundation
import Testing

/// The Acquire pane end to end (issue 18): paste 20 names, see their
/// availability, register two available ones after the confirmation, see
/// them in the Domains pane.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end TUI tests need it"))
struct AcquireEndToEndTests {
    @Test func pasteTwentyNamesThenRegisterTwoAvailableOnes() async throws {
        try await TUIEndToEndTests().withSession { world, tmux in
            try TUIEndToEndTests().sync(tmux)
            let names = (0..<20).map { "e2e-acquire-\($0).com" }
            let free = world.server.state.read { account in
                names.filter { if case .available = account.availability(of: $0) { return true } else { return false } }
            }
            let taken = world.server.state.read { account in names.filter { account.availability(of: $0) == .taken } }
            #expect(free.count >= 2 && !taken.isEmpty, "the registry rule gives a mix: \(free.count) free")
            let chosen = Array(free.prefix(2))
            // Acquire is the ninth tab: its number key shows it.
            try tmux.send("9")
            try tmux.waitFor(text: "no names yet")
            try tmux.send("a")
            try tmux.type(names.joined(separator: "\n") + "\n")
            try tmux.send("Escape")
            let searched = try tmux.waitFor(text: "searched 20 names: \(free.count) available")
            #expect(searched.contains("available"))
            #expect(searched.contains("taken"))
            #expect(world.server.requests("search").count == 20, "a regular account searches one name per call")
            // Walk the list from the top, selecting the two chosen names.
            try tmux.send("g")
            for name in names {
                try tmux.send(chosen.contains(name) ? "Space" : "j")
            }
            try tmux.waitFor(text: "2 selected")
            try tmux.send("R")
            let dialog = try tmux.waitFor(text: "Register (spends money)")
            #expect(dialog.contains("balance $"), "\(dialog)")
            for name in chosen { #expect(dialog.contains(name), "\(dialog)") }
            #expect(world.server.requests("bulk_register").isEmpty, "nothing is sent before the confirmation")
            try tmux.send("y")
            try tmux.waitFor(text: "registered 2 domains")
            #expect(world.server.requests("bulk_register").count == 1)
            for name in chosen { #expect(world.server.domain(name) != nil) }
            // The new domains are in the cache: the Domains pane shows them.
            try tmux.send("1")
            try tmux.send("/")
            try tmux.type("e2e-acquire")
            try tmux.send("Enter")
            let domains = try tmux.waitFor("both registered names") { screen in chosen.allSatisfy { screen.contains($0) } }
            #expect(domains.contains("2 match"), "\(domains)")
            try tmux.send("q")
        }
    }
}

extension SimServer {
    fileprivate func requests(_ command: String) -> [SimRequestRecord] { recentRequests.filter { $0.command == command } }
    fileprivate func domain(_ name: String) -> SimDomain? { state.read { $0.domain(named: name) } }
}
