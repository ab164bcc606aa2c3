import DynadotAPI
import DynadotSim
import Foundation
import Logging
import Testing

/// The auction commands on the simulator, through the product's client and
/// decoders (issue 18): open lists by type, details, bids with the
/// simulator's validation, closed auctions, and the backorder-auction twins.
@Suite struct AuctionCommandTests {
    func client(_ endpoint: URL) throws -> DynadotClient {
        var quiet = Logger(label: "auction-test")
        quiet.logLevel = .critical
        return DynadotClient(configuration: try ClientConfiguration(endpoint: endpoint, apiKey: testKey, concurrency: 1, retry: .none),
                             logger: quiet)
    }

    func open(_ server: SimServer, type: String) -> SimAuction? {
        server.state.read { $0.auctions.first { $0.type == type && $0.outcome == nil } }
    }

    @Test func openAuctionsAreListedByTypeWithEndTimesOnTheSimulatorsClock() async throws {
        try await withSim(testConfiguration(domains: 20)) { server, sim in
            let api = try client(sim.endpoint)
            let expired = try AuctionList(try await api.send(APIRequest("get_open_auctions", ["type": "expired", "currency": "usd"]))).auctions
            let expected = server.state.read { $0.auctions.filter { $0.type == "expired" }.map { String($0.id) } }
            #expect(!expected.isEmpty)
            #expect(expired.map(\.id) == expected)
            #expect(expired.allSatisfy { $0.type == "expired" && $0.currentBid != nil && ($0.endMs ?? 0) > Int64(Date().timeIntervalSince1970 * 1000) })
            let two = try AuctionList(try await api.send(APIRequest("get_open_auctions", ["type": "user,backorder"]))).auctions
            #expect(Set(two.map(\.type)) == ["user", "backorder"])
            let older = try AuctionList(try await api.send(APIRequest("get_open_backorder_auctions")), defaultType: "backorder").auctions
            #expect(Set(older.map(\.id)) == Set(two.filter { $0.type == "backorder" }.map(\.id)))
            await #expect(throws: DynadotError.self) {
                _ = try await api.send(APIRequest("get_open_auctions", ["type": "nonsense"]))
            }
        }
    }

    @Test func aBidIsValidatedPlacedAndShownInDetailsAndBids() async throws {
        try await withSim(testConfiguration(domains: 20)) { server, sim in
            let api = try client(sim.endpoint)
            let auction = try #require(open(server, type: "expired"))
            let details = try AuctionDetails(try await api.send(APIRequest("get_auction_details", ["domain": auction.domain]))).details
            let minimum = try #require(details.first?.auction.minimumBid?.cents)
            #expect(minimum == Int64(auction.minimumBidCents))
            #expect(details.first?.auction.yourProxyBid == nil, "-1 means no bid")
            // Below the minimum.
            await #expect(throws: DynadotError.self) {
                _ = try await api.send(APIRequest("place_auction_bid", ["domain": auction.domain, "bid_amount": amountText(minimum - 1)]))
            }
            // More than the balance.
            try server.setBalance(cents: Int(minimum) - 1)
            do {
                _ = try await api.send(APIRequest("place_auction_bid", ["domain": auction.domain, "bid_amount": amountText(minimum)]))
                Issue.record("a bid over the balance was accepted")
            } catch let DynadotError.providerRefused(_, status, _) {
                #expect(status == "insufficient_funds")
            }
            try server.setBalance(cents: 100_000)
            let amount = minimum + 50_000
            let placed = try AuctionDetails(try await api.send(APIRequest("place_auction_bid", ["domain": auction.domain, "bid_amount": amountText(amount)])))
            #expect(placed.details.first?.auction.isHighBidder == true)
            #expect(placed.details.first?.auction.yourProxyBid?.cents == amount)
            #expect(placed.details.first?.history.first?.bidder == "You")
            let bids = try AuctionList(try await api.send(APIRequest("get_auction_bids"))).auctions
            #expect(bids.map(\.domain) == [auction.domain])
            #expect(bids.first?.yourProxyBid?.cents == amount)
            #expect(bids.first?.isHighBidder == true)
        }
    }

    @Test func anEndedAuctionRefusesBidsAndItsWinnerPaysAndGetsTheDomain() async throws {
        try await withSim(testConfiguration(domains: 20)) { server, sim in
            let api = try client(sim.endpoint)
            let auction = try #require(open(server, type: "expired"))
            let amount = Int64(auction.minimumBidCents + 5_000)
            _ = try await api.send(APIRequest("place_auction_bid", ["domain": auction.domain, "bid_amount": amountText(amount)]))
            let price = try #require(server.state.read { $0.auctions.first { $0.id == auction.id }?.currentCents })
            let before = server.state.read { $0.balanceCents }
            // The clock passes the end.
            server.state.mutate { account in
                if let i = account.auctions.firstIndex(where: { $0.id == auction.id }) { account.auctions[i].endMs = 1 }
            }
            do {
                _ = try await api.send(APIRequest("place_auction_bid", ["domain": auction.domain, "bid_amount": amountText(amount + 10_000)]))
                Issue.record("a bid on an ended auction was accepted")
            } catch let DynadotError.providerRefused(_, _, message) {
                #expect(message.contains("auction ended"))
            }
            #expect(server.state.read { $0.balanceCents } == before - price)
            #expect(server.state.read { $0.domainIndex[auction.domain] } != nil)
            let closed = try AuctionList(try await api.send(APIRequest("get_closed_auctions", ["startDate": "1970-01-01", "endDate": "2100-01-01"]))).auctions
            #expect(closed.map(\.domain) == [auction.domain])
            #expect(closed.first?.won == true)
            let details = try AuctionDetails(try await api.send(APIRequest("get_auction_details", ["domain": auction.domain]))).details
            #expect(details.first?.auction.ended == true)
        }
    }

    @Test func backorderAuctionsHaveTheirOwnDetailsBidAndClosedCommands() async throws {
        try await withSim(testConfiguration(domains: 20)) { server, sim in
            let api = try client(sim.endpoint)
            let auction = try #require(open(server, type: "backorder"))
            let regular = try #require(open(server, type: "expired"))
            let detail = try AuctionDetails(try await api.send(APIRequest("get_backorder_auction_details", ["domain": auction.domain])))
            #expect(detail.details.first?.auction.id == String(auction.id))
            #expect(detail.details.first?.auction.type == "backorder")
            #expect(detail.details.first?.auction.yourBid == nil)
            await #expect(throws: DynadotError.self) {
                _ = try await api.send(APIRequest("place_backorder_auction_bid", ["domain": regular.domain, "bid_amount": "500"]))
            }
            let amount = Int64(auction.minimumBidCents)
            // The envelope name is misspelt (`PlaceBakcorderAuctionBidResponse`), as the reference shows it.
            let answer = try await api.send(APIRequest("place_backorder_auction_bid", ["domain": auction.domain, "bid_amount": amountText(amount)]))
            #expect(answer.envelope == "PlaceBakcorderAuctionBidResponse")
            let after = try AuctionDetails(try await api.send(APIRequest("get_backorder_auction_details", ["domain": auction.domain])))
            #expect(after.details.first?.auction.yourProxyBid?.cents == amount)
            server.state.mutate { account in
                if let i = account.auctions.firstIndex(where: { $0.id == auction.id }) { account.auctions[i].endMs = 1 }
            }
            let closed = try AuctionList(try await api.send(APIRequest("get_closed_backorder_auctions", ["startDate": "1970-01-01", "endDate": "2100-01-01"])),
                                         defaultType: "backorder").auctions
            #expect(closed.map(\.domain) == [auction.domain])
            let regularClosed = try AuctionList(try await api.send(APIRequest("get_closed_auctions", ["startDate": "1970-01-01", "endDate": "2100-01-01"]))).auctions
            #expect(regularClosed.isEmpty)
        }
    }
}

/// `12.34` for cents, as a bid amount parameter.
private func amountText(_ cents: Int64) -> String {
    "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
}
