import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Backorders through the CLI against the simulator (issue 18): adding is
/// a money intent, 100 names per call; the simulator catches them after
/// its configured delay.
@Suite struct BackorderTests {
    func listed(_ world: CLIWorld) async throws -> [String: String] {
        let rows = try #require(try await world.ok("backorder", "ls", "--json").json).list
        return Dictionary(rows.compactMap { row in row["name"]?.text.map { ($0, row["status"]?.text ?? "") } }, uniquingKeysWith: { a, _ in a })
    }

    @Test func addIsQueuedThenPushedAsOneCallAndListed() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = simNames(server, count: 3, prefix: "backorder-test", where: isTaken)
            let queued = try await world.ok(arguments: ["backorder", "add", "--max-cost", "100"] + names)
            #expect(queued.stdout.contains("cost if every name is caught"), "\(queued.stdout)")
            #expect(server.requests("add_backorder_request").isEmpty, "queueing sends nothing")
            try await world.ok("push", "--yes")
            let calls = server.requests("add_backorder_request")
            #expect(calls.count == 1)
            #expect(calls.first?.domainCount == 3)
            #expect(try await listed(world) == Dictionary(uniqueKeysWithValues: names.map { ($0, "Active") }))
            // Taken off the list again (not money: no approval needed).
            try await world.ok("backorder", "rm", names[0])
            try await world.ok("push", "--yes")
            #expect(server.requests("delete_backorder_request").count == 1)
            #expect(try await listed(world).keys.sorted() == Array(names.dropFirst()).sorted())
        }
    }

    @Test func aBackorderIsCaughtAfterTheSimulatorsDelayAndCharged() async throws {
        var configuration = simConfiguration(domains: 20)
        configuration.backorderCatchSeconds = 0
        try await withSimWorld(configuration) { server, world in
            try await world.ok("sync", "--quiet")
            let name = simNames(server, count: 1, prefix: "caught-test", where: isTaken)[0]
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents })
            let balanceBefore = server.state.read { $0.balanceCents }
            try await world.ok("backorder", "add", "--max-cost", "100", name)
            try await world.ok("push", "--yes")
            #expect(try await listed(world)[name] == "Caught")
            #expect(server.domain(name) != nil)
            #expect(server.state.read { $0.balanceCents } == balanceBefore - price)
        }
    }

    @Test func addingRefusesWithoutApprovalOffATerminalOrForYourOwnDomain() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = simNames(server, count: 1, prefix: "backorder-test", where: isTaken)[0]
            let unapproved = try await world.run("backorder", "add", name)
            #expect(unapproved.status == 2)
            #expect(unapproved.stderr.contains("--max-cost"), "\(unapproved.stderr)")
            let own = try #require(server.state.read { $0.domains.first?.name })
            let mine = try await world.run("backorder", "add", "--max-cost", "100", own)
            #expect(mine.status == 2)
            #expect(mine.stderr.contains("already in your account"), "\(mine.stderr)")
            let low = try await world.run("backorder", "add", "--max-cost", "0.01", name)
            #expect(low.status == 2)
            #expect(low.stderr.contains("nothing was queued"), "\(low.stderr)")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 0)
        }
    }

    @Test func aLostAddAnswerIsVerifiedWithTheListAndNotResent() async throws {
        try await withSimWorld(simConfiguration(domains: 20, faults: SimFaults(dropAfterApplyCommand: "add_backorder_request"))) { server, world in
            try await world.ok("sync", "--quiet")
            let names = simNames(server, count: 2, prefix: "backorder-test", where: isTaken)
            try await world.ok(arguments: ["backorder", "add", "--max-cost", "100"] + names)
            let push = try await world.run("push", "--yes")
            #expect(push.status == 0, "\(push.stderr)")
            #expect(server.requests("add_backorder_request").count == 1)
            #expect(!server.requests("backorder_request_list").isEmpty, "verified with the list")
            #expect(server.state.read { $0.backorders.map(\.domain) } == names)
        }
    }
}
