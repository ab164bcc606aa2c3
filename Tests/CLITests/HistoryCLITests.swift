import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// `history`, `history show`, `undo` and `queue undo` as scripts see them.
@Suite("CLI history and undo", .serialized)
struct HistoryCLITests {
    @Test func historyShowUndoAndQueueUndo() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = domainsByName(try await world.ok("ls", "--json").json).keys.sorted()
            let targets = Array(names.prefix(3))
            try await world.ok("set", "note", "audited", "--domains", targets.joined(separator: ","))
            try await world.ok("push", "--yes")

            let list = try #require(try await world.ok("history", "--json").json?.list)
            let entry = try #require(list.first)
            #expect(entry["origin"]?.text == "cli")
            #expect(entry["changes"]?.int == 3 && entry["done"]?.int == 3 && entry["failed"]?.int == 0 && entry["pending"]?.int == 0)
            #expect(entry["time"]?.text?.hasSuffix("Z") == true)
            let id = try #require(entry["id"]?.int)
            #expect(try await world.ok("history", "--since", "30d", "--domain", targets[0], "--json").json?.list.count == 1)
            #expect(try await world.ok("history", "--domain", names[10], "--json").json?.list.count == 0)

            let show = try #require(try await world.ok("history", "show", String(id), "--json").json)
            let changes = show["changes"]?.list ?? []
            #expect(changes.count == 3)
            #expect(changes.first?["field"]?.text == "note")
            #expect(changes.first?["after"]?.text == "audited")
            #expect(changes.first?["result"]?.text == "done")

            let dry = try await world.ok("undo", String(id), "--dry-run")
            #expect(dry.stdout.contains("3 changes in "))
            #expect(dry.stdout.contains("nothing was queued"))
            #expect(try await world.ok("plan", "--json").json?["calls"]?.int ?? 0 == 0)
            try await world.ok("undo", String(id))
            let undone = try #require(try await world.ok("history", "--json").json?.list.first)
            #expect(undone["origin"]?.text == "undo" && undone["pending"]?.int == 3)

            let taken = try await world.ok("queue", "undo")
            #expect(taken.stdout.contains("dropped 3"))
            #expect(try await world.ok("queue", "undo").stdout.contains("nothing is queued"))

            let unknown = try await world.run("undo", "99999")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("no operation #99999"))
            let badSince = try await world.run("history", "--since", "soon")
            #expect(badSince.status == 2)
            _ = server
        }
    }
}
