import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Expired closeouts through the CLI against the simulator (issue 18): the
/// paged list with price and filter, and purchases as money intents
/// (approval, balance, fresh price, lost answer verified and not resent).
@Suite struct CloseoutTests {
    func closeout(_ server: SimServer, _ index: Int = 0) throws -> SimCloseout {
        let all = server.state.read { $0.closeouts }
        return try #require(index < all.count ? all[index] : nil)
    }

    /// `12.34` for cents.
    func usd(_ cents: Int) -> String { "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)" }

    func setPrice(_ server: SimServer, _ name: String, cents: Int) {
        server.state.mutate { account in
            if let i = account.closeouts.firstIndex(where: { $0.domain == name }) { account.closeouts[i].priceCents = cents }
        }
    }

    @Test func lsReadsEveryPageAndFiltersByNameAndPrice() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            let all = try #require(try await world.ok("closeout", "ls", "--json").json).list
            let total = server.state.read { $0.closeouts.count }
            #expect(all.count == total)
            #expect(server.requests("get_expired_closeout_domains").count == (total + 99) / 100 + (total % 100 == 0 ? 1 : 0))
            let cheap = try #require(try await world.ok("closeout", "ls", "--cached", "--max-price", "3", "--json").json).list
            #expect(!cheap.isEmpty && cheap.allSatisfy { (Double($0["price"]?.text ?? "") ?? .infinity) <= 3 })
            let one = try closeout(server, 3)
            let named = try #require(try await world.ok("closeout", "ls", "--cached", "--json", one.domain).json).list
            #expect(named.map { $0["name"]?.text } == [one.domain])
            #expect(named.first?["price"]?.text == usd(one.priceCents))
        }
    }

    @Test func buyingNeedsAnApprovalWithinTheMaxCostAndIsSentOnce() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try closeout(server)
            let unapproved = try await world.run("closeout", "buy", target.domain)
            #expect(unapproved.status == 2)
            #expect(unapproved.stderr.contains("--max-cost"), "\(unapproved.stderr)")
            let low = try await world.run("closeout", "buy", target.domain, "--max-cost", usd(target.priceCents - 1))
            #expect(low.status == 2)
            #expect(low.stderr.contains("nothing was queued"), "\(low.stderr)")
            let notOnSale = try await world.run("closeout", "buy", "not-a-closeout-name.com", "--max-cost", "100")
            #expect(notOnSale.status == 2)
            #expect(notOnSale.stderr.contains("not on closeout sale"), "\(notOnSale.stderr)")
            let before = server.state.read { $0.balanceCents }
            try await world.ok("closeout", "buy", target.domain, "--max-cost", "100")
            #expect(server.requests("buy_expired_closeout_domain").isEmpty, "queueing buys nothing")
            try await world.ok("push", "--yes")
            #expect(server.requests("buy_expired_closeout_domain").count == 1)
            #expect(server.domain(target.domain) != nil)
            #expect(server.state.read { $0.balanceCents } == before - target.priceCents)
            #expect(domainsByName(try await world.ok("ls", "--json").json)[target.domain] != nil, "in the cache after the push")
            try await world.ok("push", "--yes")
            #expect(server.requests("buy_expired_closeout_domain").count == 1)
        }
    }

    @Test func aPriceRiseOrAShortBalanceHoldsThePurchase() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try closeout(server)
            try await world.ok("closeout", "buy", target.domain, "--max-cost", usd(target.priceCents))
            setPrice(server, target.domain, cents: target.priceCents + 500)
            let risen = try await world.run("push", "--yes")
            #expect(risen.status == 4, "\(risen.stdout) \(risen.stderr)")
            #expect(risen.stderr.contains("prices rose"), "\(risen.stderr)")
            setPrice(server, target.domain, cents: target.priceCents)
            try server.setBalance(cents: target.priceCents - 1)
            let poor = try await world.run("push", "--yes")
            #expect(poor.status == 4, "\(poor.stdout) \(poor.stderr)")
            #expect(poor.stderr.contains("balance"), "\(poor.stderr)")
            #expect(server.requests("buy_expired_closeout_domain").isEmpty)
        }
    }

    @Test func aNameGoneFromTheSaleFailsBeforePaying() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try closeout(server)
            try await world.ok("closeout", "buy", target.domain, "--max-cost", "100")
            server.state.mutate { $0.closeouts.removeAll { $0.domain == target.domain } }
            let push = try await world.run("push", "--yes")
            #expect(push.status == 3)
            #expect(push.stderr.contains("no longer on closeout sale"), "\(push.stderr)")
            #expect(server.requests("buy_expired_closeout_domain").isEmpty)
        }
    }

    @Test func aLostBuyAnswerIsVerifiedAndNotResent() async throws {
        try await withSimWorld(simConfiguration(domains: 20, faults: SimFaults(dropAfterApplyCommand: "buy_expired_closeout_domain"))) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try closeout(server)
            let before = server.state.read { $0.balanceCents }
            try await world.ok("closeout", "buy", target.domain, "--max-cost", "100")
            let push = try await world.run("push", "--yes")
            #expect(push.status == 0, "\(push.stdout) \(push.stderr)")
            #expect(server.requests("buy_expired_closeout_domain").count == 1)
            #expect(server.requests("domain_info").contains { $0.parameters["domain"] == target.domain }, "verified with domain_info")
            #expect(server.state.read { $0.balanceCents } == before - target.priceCents, "paid once")
            try await world.ok("push", "--yes")
            #expect(server.requests("buy_expired_closeout_domain").count == 1)
        }
    }
}
