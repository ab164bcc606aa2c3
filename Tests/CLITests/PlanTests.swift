import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// "A mixed queue (name servers for 150, renew option for 120 split over two
/// values, notes for 3, folders for 2, a superseded edit) plans exactly the
/// minimum number of calls, computed independently in the test."
@Suite("CLI plan", .serialized)
struct PlanTests {
    @Test func mixedQueuePlansTheMinimum() async throws {
        try await withSimWorld(simConfiguration(domains: 400)) { server, world in
            try await world.ok("sync", "--quiet")
            let rows = domainsByName(try await world.ok("ls", "--json").json)
            let names = rows.keys.sorted()
            let hosts = Array(server.registeredHosts.prefix(3))
            let folder = try #require(server.state.read { $0.folders.first?.name })

            let nsNames = Array(server.names(notOn: [hosts[0], hosts[1]]).sorted().prefix(150))
            let rest = names.filter { !nsNames.contains($0) }
            // Superseded: 10 of them first get other name servers.
            try await world.ok(arguments: ["set", "ns", hosts[2], "--domains", nsNames.prefix(10).joined(separator: ",")])
            try await world.ok(arguments: ["set", "ns", hosts[0], hosts[1], "--domains", nsNames.joined(separator: ",")])

            let autoNames = Array(rest.filter { rows[$0]?["renew_option"]?.text != "auto" }.prefix(60))
            let donotNames = Array(rest.filter { rows[$0]?["renew_option"]?.text != "donot" && !autoNames.contains($0) }.prefix(60))
            try #require(autoNames.count == 60 && donotNames.count == 60)
            try await world.ok("set", "renew", "auto", "--domains", autoNames.joined(separator: ","))
            try await world.ok("set", "renew", "donot", "--domains", donotNames.joined(separator: ","))

            let noteNames = Array(rest.suffix(3))
            try await world.ok("set", "note", "mixed queue", "--domains", noteNames.joined(separator: ","))
            let folderNames = Array(rest.filter { rows[$0]?["folder"]?.text != folder }.suffix(5).prefix(2))
            try await world.ok("set", "folder", folder, "--domains", folderNames.joined(separator: ","))

            // The minimum, from the catalog's limits: Σ over (command, params) of ⌈n / limit⌉.
            func limit(_ command: String) throws -> Int {
                switch try #require(CommandCatalog.spec(named: command)).domainLimit {
                case .upTo(let n): return n
                case .one: return 1
                case .none: return Int.max
                }
            }
            func calls(_ n: Int, _ command: String) throws -> Int { let l = try limit(command); return (n + l - 1) / l }
            let expected = try calls(150, "set_ns") + calls(60, "set_renew_option") + calls(60, "set_renew_option")
                + calls(3, "set_note") + calls(2, "set_folder")

            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == expected)
            let batches = plan["batches"]?.list ?? []
            #expect(batches.count == expected)
            var perCommand: [String: Int] = [:]
            for batch in batches {
                perCommand[batch["command"]?.text ?? "", default: 0] += batch["domains"]?.list.count ?? 0
                if batch["command"]?.text == "set_ns" {
                    #expect(batch["params"]?["ns0"]?.text == hosts[0], "the superseded edit must not be planned")
                }
            }
            #expect(perCommand == ["set_ns": 150, "set_renew_option": 120, "set_note": 3, "set_folder": 2])
            let text = try await world.ok("plan")
            #expect(text.stdout.hasPrefix("\(expected) calls, 275 changes"))
        }
    }
}
