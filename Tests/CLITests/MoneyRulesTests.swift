import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Money is sent only as approved (issue 10): fresh prices and the balance
/// are checked right before a renewal goes out, and `push` says so with exit 4.
@Suite struct MoneyRulesTests {
    @Test func priceRaisedAfterQueueingChargesNothingAndExits4() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            let tld = String(name.split(separator: ".").last!)
            let price = try #require(server.state.read { $0.price(forTLD: tld)?.renewCents })
            let limit = String(format: "%.2f", Double(price) / 100)
            try await world.ok("renew", "--years", "1", "--max-cost", limit, "--domains", name)
            server.state.mutate { account in
                let i = account.tldPrices.firstIndex { $0.tld == tld }!
                account.tldPrices[i].renewCents = price + 2_500
            }
            let balanceBefore = server.state.read { $0.balanceCents }
            let push = try await world.run("push", "--yes")
            #expect(push.status == 4, "\(push.stderr)")
            #expect(server.requests("renew").isEmpty)
            #expect(server.state.read { $0.balanceCents } == balanceBefore)
            let due = String(format: "$%.2f", Double(price + 2_500) / 100)
            #expect(push.stderr.contains("\(due) due"), "\(push.stderr)")
            #expect(push.stderr.contains("approved $\(limit)"), "\(push.stderr)")
            // `plan` follows the prices the push refreshed.
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["money_cost"]?.text == String(format: "%.2f", Double(price + 2_500) / 100))
        }
    }

    @Test func balanceBelowTheTotalSendsNoRenewalAndExits4() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = Array(server.state.read { $0.domains.map(\.name) }.prefix(5))
            try await world.ok("renew", "--years", "1", "--max-cost", "100000", "--domains", names.joined(separator: ","))
            server.state.mutate { $0.balanceCents = 3_000 }
            let push = try await world.run("push", "--yes")
            #expect(push.status == 4, "\(push.stderr)")
            #expect(server.requests("renew").isEmpty)
            #expect(push.stderr.contains("balance $30.00"), "\(push.stderr)")
            #expect(push.stderr.contains("renewals held"), "\(push.stderr)")
        }
    }

    @Test func renewalsWithoutApprovalAreHeldWithExit4() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = Array(server.state.read { $0.domains.map(\.name) }.prefix(2))
            try await world.ok("renew", "--years", "1", "--max-cost", "100000", "--domains", names[1])
            // A crash after recording the renewal in flight drops its approval.
            let crashed = try await world.run("push", "--yes", environment: ["DYNAFOLIO_CRASH_AT": "1"])
            #expect(crashed.status == 70)
            try await world.ok("set", "note", "held money does not block this", "--domains", names[0])
            let push = try await world.run("push", "--yes")
            #expect(push.status == 4, "\(push.stderr)")
            #expect(push.stderr.contains("not confirmed"), "\(push.stderr)")
            #expect(server.domain(names[0])?.note == "held money does not block this")
            #expect(server.requests("renew").isEmpty)
        }
    }

    @Test func planCountsTheSetupCalls() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = Array(server.names(notOn: ["ns1.brand-new.example", "ns2.brand-new.example"]).prefix(11))
            try await world.ok(arguments: ["set", "ns", "ns1.brand-new.example", "ns2.brand-new.example", "--domains", names.joined(separator: ",")])
            let plan = try #require(try await world.ok("plan", "--json").json)
            let setup = plan["setup"]?.list.compactMap { $0["command"]?.text } ?? []
            #expect(setup == ["add_ns", "add_ns", "server_list"])
            let calls = try #require(plan["calls"]?.int)
            let before = server.recentRequests.count
            try await world.ok("push", "--yes")
            #expect(server.recentRequests.count - before == calls)
        }
    }
}
