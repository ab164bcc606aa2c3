import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// The History pane driven in tmux against the simulator.
extension TUIEndToEndTests {
    @Test func undoFromTheHistoryPaneQueuesTheReversePlanAndZTakesItBack() async throws {
        try await withSession { world, tmux in
            try sync(tmux)
            let store = try PortfolioDatabase(path: world.databasePath)
            try tmux.send("Space", "j", "Space")
            try tmux.waitFor(text: "2 selected")
            try tmux.send(":")
            try tmux.type("set note tmux-audit")
            try tmux.send("Enter")
            try tmux.waitFor(text: "queue 2")
            let names = try store.pendingIntents().map(\.domain)
            let notes = world.server.state.read { account in names.map { account.domain(named: $0)?.note } }
            try tmux.send("7", "p")
            try tmux.waitFor(text: "[ Push ]")
            try tmux.send("y")
            try tmux.waitFor(text: "pushed:", timeout: 120)
            #expect(world.server.state.read { account in names.map { account.domain(named: $0)?.note } } == ["tmux-audit", "tmux-audit"])

            try tmux.send("8")
            try tmux.waitFor(text: "set note on 2 domains")
            try tmux.send("Enter")
            let changes = try tmux.waitFor(text: "Enter back")
            #expect(changes.components(separatedBy: "tmux-audit").count == 3)
            try tmux.send("Enter", "U")
            try tmux.waitFor(text: "[ Queue undo ]")
            try tmux.send("Enter")
            try tmux.waitFor(text: "queued the undo of #")
            let pending = try store.pendingIntents()
            #expect(pending.count == 2)
            #expect(Set(pending.map(\.domain)) == Set(names))
            let undoID = try #require(pending.first?.operationID)
            let undo = try #require(try store.operation(id: undoID))
            #expect(undo.origin == .undo)
            try tmux.send("7")
            try tmux.waitFor(text: "Plan: 2 changes")

            try tmux.send("z")
            try tmux.waitFor(text: "took back #")
            #expect(try store.pendingIntents().isEmpty)
            #expect(world.server.state.read { account in names.map { account.domain(named: $0)?.note } } != notes,
                    "taken back before it was pushed: Dynadot keeps the pushed notes")
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }
}
