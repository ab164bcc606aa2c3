import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Names the simulated registry answers `kind` for (issue 18).
func simNames(_ server: SimServer, count: Int, tld: String = "com", prefix: String = "acquire-test",
              where kind: (SimAvailability) -> Bool) -> [String] {
    server.state.read { account in
        var found: [String] = []
        var i = 0
        while found.count < count {
            let name = "\(prefix)-\(i).\(tld)"
            if kind(account.availability(of: name)) { found.append(name) }
            i += 1
        }
        return found
    }
}

/// `10.99`, as `--json` and `--max-cost` write amounts.
func amountText(_ cents: some BinaryInteger) -> String { String(format: "%d.%02d", Int(cents) / 100, Int(cents) % 100) }
/// `$10.99` (amounts in these tests stay below $1,000).
func dollarText(_ cents: some BinaryInteger) -> String { "$" + amountText(cents) }

func isAvailable(_ a: SimAvailability) -> Bool { if case .available = a { return true } else { return false } }
func isTaken(_ a: SimAvailability) -> Bool { a == .taken }

/// Availability and registration through the CLI against the simulator
/// (issue 18): prices, tiers, the money rules for registrations.
@Suite struct AcquireTests {
    @Test func searchReportsAvailableTakenAndPremiumOneNamePerCallOnRegular() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .regular)) { server, world in
            let free = simNames(server, count: 2, where: isAvailable)
            let taken = simNames(server, count: 1, where: isTaken)
            let premium = "ab.com"
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents })
            #expect(server.state.read { $0.availability(of: premium) } == .premium(cents: price * 50))
            let result = try await world.ok(arguments: ["search", "--json"] + free + taken + [premium])
            let rows = try #require(result.json).list
            let byName = Dictionary(rows.compactMap { row in row["name"]?.text.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
            for name in free {
                #expect(byName[name]?["status"]?.text == "available")
                #expect(byName[name]?["price"]?.text == amountText(Int64(price)))
            }
            #expect(byName[taken[0]]?["status"]?.text == "taken")
            #expect(byName[taken[0]]?["price"] == .null)
            #expect(byName[premium]?["status"]?.text == "premium")
            #expect(byName[premium]?["price"]?.text == amountText(Int64(price * 50)))
            // A regular account: one name per call.
            #expect(server.requests("search").count == 4)
            #expect(server.requests("search").allSatisfy { $0.parameters["show_price"] == "1" && $0.parameters["domain1"] == nil })
            // The answers are cached with their time: --cached asks nothing.
            let cached = try await world.ok(arguments: ["search", "--cached"] + free)
            #expect(cached.stdout.contains("available"), "\(cached.stdout)")
            #expect(server.requests("search").count == 4)
        }
    }

    @Test func bulkAccountsSearchAHundredNamesPerCallAndIDNsGoAsPunycode() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = (0..<150).map { "bulk-search-\($0).com" } + ["bücher-test.de"]
            let file = world.root.appendingPathComponent("names.txt")
            try (["# my list", ""] + names).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
            let result = try await world.ok("search", "--json", "--file", file.path)
            #expect(try #require(result.json).list.count == 151)
            let calls = server.requests("search")
            #expect(calls.count == 2)
            let sent = calls.flatMap { call in (0..<100).compactMap { call.parameters["domain\($0)"] } }
            #expect(sent.contains(Punycode.asciiName("bücher-test.de")))
            #expect(!sent.contains("bücher-test.de"))
        }
    }

    @Test func badNamesAreRefusedWithTheReasonAndNothingIsAsked() async throws {
        try await withSimWorld(simConfiguration(domains: 5)) { server, world in
            let result = try await world.run("search", "example.com", "not a name")
            #expect(result.status == 2)
            #expect(result.stderr.contains("'not' is not a domain name"), "\(result.stderr)")
            #expect(server.requests("search").isEmpty)
            let none = try await world.run("search")
            #expect(none.status == 2)
            #expect(none.stderr.contains("give domain names"), "\(none.stderr)")
        }
    }

    @Test func registerWithinMaxCostRegistersOnceWithBulkRegisterAndCachesTheDomains() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = simNames(server, count: 3, where: isAvailable)
            let price = Int64(try #require(server.state.read { $0.price(forTLD: "com")?.registerCents }))
            let balanceBefore = server.state.read { $0.balanceCents }
            let queued = try await world.ok(arguments: ["register", "--years", "1", "--max-cost", "100"] + names)
            #expect(queued.stdout.contains("total cost: \(dollarText(price * 3))"), "\(queued.stdout)")
            #expect(server.requests("bulk_register").isEmpty, "queueing spends nothing")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["money_cost"]?.text == amountText(price * 3))
            try await world.ok("push", "--yes")
            #expect(server.requests("bulk_register").count == 1)
            #expect(server.requests("register").isEmpty)
            #expect(server.state.read { $0.balanceCents } == balanceBefore - Int(price) * 3)
            let store = try world.store()
            for name in names { #expect(try store.domain(named: name)?.gone == false, "\(name) is in the cache after the push") }
            let cached = try await world.ok(arguments: ["search", "--cached", "--json"] + names)
            #expect(try #require(cached.json).list.allSatisfy { $0["status"]?.text == "yours" }, "\(cached.stdout)")
            // Pushing again sends nothing: never registered twice.
            try await world.ok("push", "--yes")
            #expect(server.requests("bulk_register").count == 1)
        }
    }

    @Test func aLoneNameOrSeveralYearsGoesOutAsRegister() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk)) { server, world in
            let names = simNames(server, count: 3, where: isAvailable)
            try await world.ok("register", "--years", "1", "--max-cost", "100", names[0])
            try await world.ok("register", "--years", "2", "--max-cost", "100", names[1], names[2])
            try await world.ok("push", "--yes")
            let calls = server.requests("register")
            #expect(calls.count == 3)
            #expect(calls.filter { $0.parameters["duration"] == "2" }.count == 2)
            #expect(server.requests("bulk_register").isEmpty)
            for name in names { #expect(server.domain(name) != nil) }
        }
    }

    @Test func registerRefusesWithoutApprovalOffATerminalOrAboveMaxCostOrTaken() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk)) { server, world in
            let names = simNames(server, count: 2, where: isAvailable)
            let taken = simNames(server, count: 1, where: isTaken)
            let unapproved = try await world.run(arguments: ["register"] + names)
            #expect(unapproved.status == 2)
            #expect(unapproved.stderr.contains("--max-cost"), "\(unapproved.stderr)")
            let tooLow = try await world.run(arguments: ["register", "--max-cost", "1.00"] + names)
            #expect(tooLow.status == 2)
            #expect(tooLow.stderr.contains("nothing was queued"), "\(tooLow.stderr)")
            let withTaken = try await world.run(arguments: ["register", "--max-cost", "100"] + names + taken)
            #expect(withTaken.status == 2)
            #expect(withTaken.stderr.contains("is taken"), "\(withTaken.stderr)")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 0, "nothing was queued: \(plan)")
        }
    }

    @Test func aNameTakenBeforeThePushIsNotPaidFor() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk)) { server, world in
            let names = simNames(server, count: 2, where: isAvailable)
            try await world.ok(arguments: ["register", "--max-cost", "100"] + names)
            server.state.mutate { _ = $0.takenNames.insert(names[0]) }
            let balanceBefore = server.state.read { $0.balanceCents }
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents })
            let push = try await world.run("push", "--yes")
            #expect(push.status == 3, "\(push.stderr)")
            #expect(push.stderr.contains("no longer available"), "\(push.stderr)")
            #expect(server.domain(names[0]) == nil)
            #expect(server.domain(names[1]) != nil)
            #expect(server.state.read { $0.balanceCents } == balanceBefore - price)
        }
    }

    @Test func aRaisedPriceOrALowBalanceHoldsRegistrationsWithExit4() async throws {
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk)) { server, world in
            let names = simNames(server, count: 2, where: isAvailable)
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents })
            let limit = amountText(Int64(price * 2))
            try await world.ok(arguments: ["register", "--max-cost", limit] + names)
            try server.setPrice(tld: "com", register: price + 500)
            let raised = try await world.run("push", "--yes")
            #expect(raised.status == 4, "\(raised.stderr)")
            #expect(raised.stderr.contains("approved \(dollarText(Int64(price * 2)))"), "\(raised.stderr)")
            #expect(server.requests("bulk_register").isEmpty && server.requests("register").isEmpty)
            try server.setPrice(tld: "com", register: price)
            server.state.mutate { $0.balanceCents = price }
            let poor = try await world.run("push", "--yes")
            #expect(poor.status == 4, "\(poor.stderr)")
            #expect(poor.stderr.contains("balance \(dollarText(Int64(price)))"), "\(poor.stderr)")
            #expect(server.requests("bulk_register").isEmpty && server.requests("register").isEmpty)
        }
    }

    @Test func aLostRegistrationAnswerIsVerifiedAndNeverResent() async throws {
        let faults = SimFaults(dropAfterApplyCommand: "bulk_register")
        try await withSimWorld(simConfiguration(domains: 20, tier: .bulk, faults: faults)) { server, world in
            let names = simNames(server, count: 2, where: isAvailable)
            try await world.ok(arguments: ["register", "--max-cost", "100"] + names)
            let push = try await world.run("push", "--yes")
            #expect(push.status == 0, "\(push.stderr)")
            #expect(server.requests("bulk_register").count == 1)
            #expect(server.requests("domain_info").count >= 2, "verified with domain_info")
            for name in names { #expect(try world.store().domain(named: name) != nil) }
            let orders = server.state.read { $0.orders.flatMap(\.items).filter { $0.type == "Domain Registration" && names.contains($0.domain) } }
            #expect(orders.count == 2, "charged once per name")
        }
    }
}
