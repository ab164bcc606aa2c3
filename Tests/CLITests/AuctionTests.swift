import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Auctions through the CLI against the simulator (issue 18): the cached
/// open list, details, bids as money intents (confirmed, checked fresh,
/// never placed twice) and closed auctions.
@Suite struct AuctionTests {
    func auction(_ server: SimServer, type: String) throws -> SimAuction {
        try #require(server.state.read { $0.auctions.first { $0.type == type && $0.outcome == nil } })
    }

    func end(_ server: SimServer, _ id: Int) {
        server.state.mutate { account in
            if let i = account.auctions.firstIndex(where: { $0.id == id }) { account.auctions[i].endMs = 1 }
        }
    }

    /// `12.34` for cents.
    func amount(_ cents: Int) -> String { "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)" }

    @Test func lsFetchesByTypeCachesWithItsAgeAndFilters() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            let all = try #require(try await world.ok("auction", "ls", "--json").json).list
            #expect(all.count == server.state.read { $0.auctions.count })
            let user = try #require(try await world.ok("auction", "ls", "--type", "user", "--json").json).list
            #expect(!user.isEmpty && user.allSatisfy { $0["type"]?.text == "user" })
            let name = try #require(user.first?["name"]?.text)
            let filtered = try #require(try await world.ok("auction", "ls", "--cached", "--json", String(name.prefix(8))).json).list
            #expect(filtered.contains { $0["name"]?.text == name })
            #expect(filtered.allSatisfy { ($0["name"]?.text ?? "").contains(String(name.prefix(8))) })
            #expect(filtered.allSatisfy { $0["age_seconds"]?.int != nil })
            let callsBefore = server.requests("get_open_auctions").count
            let table = try await world.ok("auction", "ls", "--cached")
            #expect(table.stdout.contains("fetched"), "\(table.stdout)")
            #expect(server.requests("get_open_auctions").count == callsBefore, "--cached asks nothing")
            let backorder = try #require(try await world.ok("auction", "ls", "--backorder", "--json").json).list
            #expect(server.requests("get_open_backorder_auctions").count == 1)
            #expect(!backorder.isEmpty && backorder.allSatisfy { $0["type"]?.text == "backorder" })
            let bad = try await world.run("auction", "ls", "--type", "nonsense")
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("unknown auction type"), "\(bad.stderr)")
        }
    }

    @Test func showReadsDetailsByIdOrNameAndBackorderAuctionsWithTheirCommand() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            let expired = try auction(server, type: "expired")
            let backorder = try auction(server, type: "backorder")
            try await world.ok("auction", "ls")
            let shown = try #require(try await world.ok("auction", "show", String(expired.id), "--json").json)
            #expect(shown["auction"]?["name"]?.text == expired.domain)
            #expect(shown["auction"]?["minimum"]?.text == amount(expired.minimumBidCents))
            #expect(shown["history"]?.list.count == expired.history.count)
            let text = try await world.ok("auction", "show", backorder.domain)
            #expect(text.stdout.contains(backorder.domain), "\(text.stdout)")
            #expect(server.requests("get_backorder_auction_details").count == 1)
            let unknown = try await world.run("auction", "show", "987654")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("auction ls"), "\(unknown.stderr)")
        }
    }

    @Test func aBidNeedsConfirmationAndTheMinimumAndIsRefusedWhenEnded() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try auction(server, type: "expired")
            try await world.ok("auction", "ls")
            let unconfirmed = try await world.run("auction", "bid", String(target.id), amount(target.minimumBidCents))
            #expect(unconfirmed.status == 2)
            #expect(unconfirmed.stderr.contains("--yes"), "\(unconfirmed.stderr)")
            let low = try await world.run("auction", "bid", String(target.id), amount(target.minimumBidCents - 1), "--yes")
            #expect(low.status == 2)
            #expect(low.stderr.contains("below the minimum bid"), "\(low.stderr)")
            let bad = try await world.run("auction", "bid", String(target.id), "12.345", "--yes")
            #expect(bad.status == 2)
            end(server, target.id)
            let ended = try await world.run("auction", "bid", String(target.id), amount(target.minimumBidCents + 100), "--yes")
            #expect(ended.status == 2)
            #expect(ended.stderr.contains("has ended"), "\(ended.stderr)")
            #expect(server.requests("place_auction_bid").isEmpty)
            #expect(try #require(try await world.ok("plan", "--json").json)["calls"]?.int == 0, "nothing was queued")
        }
    }

    @Test func aConfirmedBidIsPlacedOnceAndNotAgain() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try auction(server, type: "expired")
            try await world.ok("auction", "ls")
            let bid = target.minimumBidCents + 20_000
            let placed = try await world.ok("auction", "bid", String(target.id), amount(bid), "--yes")
            #expect(placed.stdout.contains("high bidder"), "\(placed.stdout)")
            let calls = server.requests("place_auction_bid")
            #expect(calls.count == 1)
            #expect(calls.first?.parameters["bid_amount"] == amount(bid))
            #expect(server.state.read { $0.auctions.first { $0.id == target.id }?.yourMaxCents } == bid)
            let cached = try #require(try await world.ok("auction", "ls", "--cached", "--json").json).list
            #expect(cached.first { $0["id"]?.text == String(target.id) }?["your_bid"]?.text == amount(bid))
            // The same bid again is refused before anything is queued or sent.
            let again = try await world.run("auction", "bid", String(target.id), amount(bid), "--yes")
            #expect(again.status == 2)
            #expect(again.stderr.contains("already"), "\(again.stderr)")
            try await world.ok("push", "--yes")
            #expect(server.requests("place_auction_bid").count == 1)
        }
    }

    @Test func aBidOverTheBalanceIsHeldAndNotSent() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try auction(server, type: "user")
            try server.setBalance(cents: target.minimumBidCents - 1)
            let held = try await world.run("auction", "bid", String(target.domain), amount(target.minimumBidCents), "--yes")
            #expect(held.status == 4, "\(held.stdout) \(held.stderr)")
            #expect(held.stderr.contains("balance"), "\(held.stderr)")
            #expect(server.requests("place_auction_bid").isEmpty)
        }
    }

    @Test func aQueuedBidGoesOutWithPushYesWithinItsAmount() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try auction(server, type: "registry_expired")
            let queued = try await world.ok("auction", "bid", target.domain, amount(target.minimumBidCents), "--yes", "--queue")
            #expect(queued.stdout.contains("queued"), "\(queued.stdout)")
            #expect(server.requests("place_auction_bid").isEmpty)
            try await world.ok("push", "--yes")
            #expect(server.requests("place_auction_bid").count == 1)
        }
    }

    @Test func aLostBidAnswerIsVerifiedWithTheBidListAndNotResent() async throws {
        try await withSimWorld(simConfiguration(domains: 20, faults: SimFaults(dropAfterApplyCommand: "place_auction_bid"))) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try auction(server, type: "expired")
            let bid = target.minimumBidCents + 10_000
            let result = try await world.run("auction", "bid", target.domain, amount(bid), "--yes")
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
            #expect(server.requests("place_auction_bid").count == 1, "never placed twice")
            #expect(!server.requests("get_auction_bids").isEmpty, "verified with the bid list")
            #expect(server.state.read { $0.auctions.first { $0.id == target.id }?.history.filter { $0.bidder == "You" }.count } == 1)
            try await world.ok("push", "--yes")
            #expect(server.requests("place_auction_bid").count == 1)
        }
    }

    @Test func backorderAuctionBidsUseTheirCommandAndClosedAuctionsShowTheResult() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let target = try auction(server, type: "backorder")
            let before = server.state.read { $0.balanceCents }
            try await world.ok("auction", "ls", "--backorder")
            try await world.ok("auction", "bid", String(target.id), amount(target.minimumBidCents + 30_000), "--yes")
            #expect(server.requests("place_backorder_auction_bid").count == 1)
            #expect(server.requests("place_auction_bid").isEmpty)
            let price = try #require(server.state.read { $0.auctions.first { $0.id == target.id }?.currentCents })
            end(server, target.id)
            let closed = try #require(try await world.ok("auction", "closed", "--from", "1970-01-01", "--to", "2100-01-01", "--json").json).list
            #expect(closed.map { $0["name"]?.text } == [target.domain])
            #expect(closed.first?["won"]?.bool == true)
            #expect(server.requests("get_closed_auctions").count == 1)
            #expect(server.requests("get_closed_backorder_auctions").count == 1)
            #expect(server.domain(target.domain) != nil)
            #expect(server.state.read { $0.balanceCents } == before - price, "charged the final price, once")
            let badDate = try await world.run("auction", "closed", "--from", "yesterday")
            #expect(badDate.status == 2)
        }
    }
}
