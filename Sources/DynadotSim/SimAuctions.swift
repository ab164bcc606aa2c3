import Foundation

/// One bid in an auction's history.
public struct SimBid: Sendable, Equatable {
    /// `You` for this account, `Bidder N` for the others.
    public var bidder: String
    public var cents: Int
    public var atMs: Int64
}

/// An auction in the simulated aftermarket. Its end time is a moment on the
/// simulator's clock (wall time), so `time_left` shrinks as the clock runs
/// and an auction whose end has passed closes at the next request that
/// looks at auctions.
public struct SimAuction: Sendable, Equatable {
    public var id: Int
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// `expired`, `user`, `backorder`, `registry_expired` or `registrar`.
    public var type: String
    public var startMs: Int64
    public var endMs: Int64
    /// The current (visible) price in USD cents.
    public var currentCents: Int
    public var bids: Int
    public var bidders: Int
    /// The other bidders' highest proxy bid (hidden, as on the real site);
    /// 0 when nobody else bids.
    public var rivalMaxCents: Int
    /// This account's proxy bid (the most it agreed to pay), nil before it bids.
    public var yourMaxCents: Int?
    public var youAreHighBidder: Bool
    public var history: [SimBid]
    /// Set when the auction closed: `won` or `lost`, for this account.
    public var outcome: String?
    public var visitors: Int
    public var revenueCents: Int
    public var age: Int

    /// The smallest step above the current price.
    public var incrementCents: Int { currentCents < 10_000 ? 100 : 500 }

    /// The lowest bid accepted now: the opening price before any bid, one
    /// step above the current price after; a high bidder raising its proxy
    /// must go above that proxy.
    public var minimumBidCents: Int {
        if youAreHighBidder, let yours = yourMaxCents { return yours + incrementCents }
        return bids == 0 ? currentCents : currentCents + incrementCents
    }

    public var isBackorderAuction: Bool { type == "backorder" }
}

extension SimAccount {
    /// Opens `count` auctions of every type, deterministic from `seed`, the
    /// first ending an hour after `nowMs` and the others spread over the
    /// next week. Their names are taken (someone else's expiring domains).
    public mutating func openAuctions(count: Int, seed: UInt64, nowMs: Int64) {
        var random = SeededRandom(seed: seed ^ 0xA11C_7105)
        let types = ["expired", "expired", "user", "backorder", "registry_expired"]
        let tlds = ["com", "com", "com", "net", "org", "io"]
        for index in 0..<count {
            let name = "\(random.pick(PortfolioGenerator.words))\(random.pick(PortfolioGenerator.words))\(random.below(100)).\(random.pick(tlds))"
            guard domainIndex[name] == nil, !auctions.contains(where: { $0.domain == name }) else { continue }
            nextAuctionId += 1
            let bids = random.below(4)
            let opening = (5 + random.below(80)) * 100 + 99
            let current = opening + bids * 100
            let end = nowMs + 3_600_000 + Int64(index) * 4 * 3_600_000 + Int64(random.below(3_600_000))
            auctions.append(SimAuction(
                id: nextAuctionId, domain: name, type: types[index % types.count], startMs: end - 7 * 86_400_000, endMs: end,
                currentCents: current, bids: bids, bidders: min(bids, 1 + random.below(3)),
                rivalMaxCents: bids == 0 ? 0 : current + random.below(40) * 100, yourMaxCents: nil, youAreHighBidder: false,
                history: (0..<bids).map { SimBid(bidder: "Bidder \($0 % 3 + 1)", cents: opening + $0 * 100, atMs: end - 86_400_000 + Int64($0) * 60_000) },
                outcome: nil, visitors: random.below(500), revenueCents: random.below(5000), age: random.below(20)
            ))
            takenNames.insert(name)
        }
    }

    /// Closes every auction whose end has passed: the high bidder wins. When
    /// that is this account and the balance pays the final price, the domain
    /// joins the account and the price is charged; otherwise it is lost.
    mutating func settleAuctions(nowMs: Int64) {
        for index in auctions.indices where auctions[index].outcome == nil && auctions[index].endMs <= nowMs {
            let auction = auctions[index]
            guard auction.youAreHighBidder, balanceCents >= auction.currentCents, domainIndex[auction.domain] == nil else {
                auctions[index].outcome = "lost"
                continue
            }
            balanceCents -= auction.currentCents
            let owner = contacts.first?.id ?? 0
            add(SimDomain(
                name: auction.domain, expirationMs: SimCalendar.adding(years: 1, to: nowMs), registrationMs: auction.startMs - 3 * PortfolioGenerator.yearMs,
                nameServers: .parking(withAds: true), contacts: [owner, owner, owner, owner], locked: true, privacy: "full",
                salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 1, emailForward: nil
            ))
            takenNames.remove(auction.domain)
            _ = addOrder(at: nowMs, items: [SimOrderItem(type: "Auction", domain: auction.domain, years: 1, costCents: auction.currentCents)])
            auctions[index].outcome = "won"
        }
    }

    /// Places this account's proxy bid of `cents` on the open auction of
    /// `name`: refused when the auction has ended, the bid is below the
    /// minimum, or the balance cannot cover it. A bid above the others'
    /// proxy makes this account the high bidder at one step above theirs;
    /// a lower one is answered at once by their proxy.
    /// `onlyBackorder` limits it to backorder auctions
    /// (`place_backorder_auction_bid`).
    mutating func placeBid(on name: String, cents: Int, onlyBackorder: Bool, nowMs: Int64) throws -> SimAuction {
        settleAuctions(nowMs: nowMs)
        guard let index = auctions.lastIndex(where: { $0.domain == name && (!onlyBackorder || $0.isBackorderAuction) }) else {
            throw SimRefusal(message: "could not find an auction for \(name)")
        }
        var auction = auctions[index]
        guard auction.outcome == nil else { throw SimRefusal(message: "auction ended") }
        guard cents >= auction.minimumBidCents else {
            throw SimRefusal(message: "bid amount is below the minimum bid of \(SimMoney.dollars(auction.minimumBidCents))")
        }
        guard balanceCents >= cents else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        if auction.yourMaxCents == nil { auction.bidders += 1 }
        let wasHigh = auction.youAreHighBidder
        auction.yourMaxCents = cents
        auction.bids += 1
        auction.history.append(SimBid(bidder: "You", cents: cents, atMs: nowMs))
        if !wasHigh {
            let floor = auction.bids == 1 ? auction.currentCents : auction.currentCents + auction.incrementCents
            if cents > auction.rivalMaxCents {
                auction.youAreHighBidder = true
                auction.currentCents = min(cents, max(floor, auction.rivalMaxCents + auction.incrementCents))
            } else {
                auction.currentCents = min(auction.rivalMaxCents, cents + auction.incrementCents)
                auction.bids += 1
                auction.history.append(SimBid(bidder: "Bidder 1", cents: auction.currentCents, atMs: nowMs))
            }
        }
        // A bid in the last five minutes extends the auction to five minutes from now.
        if auction.endMs - nowMs < 300_000 { auction.endMs = nowMs + 300_000 }
        auctions[index] = auction
        return auction
    }
}
