import DynadotSim
import Foundation
import Testing

/// What the push dialog showed is exactly what is sent (issue 10): a renewal
/// queued from another terminal while the dialog is open waits.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end TUI tests need it"))
struct PushConfirmationEndToEndTests {
    @Test func aRenewalQueuedWhileTheDialogIsOpenIsNotSent() async throws {
        try await TUIEndToEndTests().withSession { world, tmux in
            try TUIEndToEndTests().sync(tmux)
            let names = world.server.state.read { $0.domains.map(\.name) }
            let (shown, later) = (names[0], names[1])
            let first = try world.cli("renew", "--years", "1", "--max-cost", "1000", "--domains", shown)
            #expect(first.status == 0, "\(first.output)")
            // The change feed brings the CLI's renewal into the open TUI.
            try tmux.waitFor(text: "queue 1")
            try tmux.send("7")
            try tmux.waitFor(text: "renewals · 1 domain · 1 call")
            try tmux.send("p")
            let dialog = try tmux.waitFor(text: "spends $")
            #expect(dialog.contains("balance $"))
            let second = try world.cli("renew", "--years", "1", "--max-cost", "1000", "--domains", later)
            #expect(second.status == 0, "\(second.output)")
            try tmux.send("y")
            try tmux.waitFor(text: "pushed:")
            let renewed = world.server.recentRequests.filter { $0.command == "renew" }.compactMap { $0.parameters["domain"] }
            #expect(renewed == [shown])
            // The later renewal is still queued, for the next confirmation.
            let plan = try world.cli("plan", "--json")
            #expect(plan.output.contains(later))
            try tmux.send("q")
        }
    }
}

/// The change feed (issue 10): what another terminal does shows in an open
/// TUI without a key press.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end TUI tests need it"))
struct ChangeFeedEndToEndTests {
    @Test func aSetAndAPushFromTheCLIShowWithoutAKey() async throws {
        try await TUIEndToEndTests().withSession { world, tmux in
            try TUIEndToEndTests().sync(tmux)
            let name = try #require(world.server.state.read { $0.domains.map(\.name).sorted().first })
            let set = try world.cli("set", "note", "feed-note", "--domains", name)
            #expect(set.status == 0, "\(set.output)")
            // No key is sent: the queue count and the pending note appear on their own.
            try tmux.waitFor(text: "queue 1")
            try tmux.waitFor(text: "feed-note")
            let push = try world.cli("push", "--yes")
            #expect(push.status == 0, "\(push.output)")
            try tmux.waitFor(text: "queue 0")
            try tmux.send("q")
        }
    }
}
