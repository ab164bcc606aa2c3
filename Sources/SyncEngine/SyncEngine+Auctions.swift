import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Auctions: the open list into the cache (`get_open_auctions`, or the
/// older `get_open_backorder_auctions`), details (`get_auction_details`,
/// `get_backorder_auction_details`), closed auctions, and bids as money
/// intents (`place_auction_bid`, `place_backorder_auction_bid`) that are
/// checked against the auction's fresh state just before they are sent and
/// verified with `get_auction_bids` when the answer is lost.
extension SyncEngine {
    /// Every auction type `get_open_auctions` knows.
    public static let auctionTypes = ["expired", "user", "backorder", "registry_expired", "registrar"]

    /// A row for the cache from a fetched auction (prices in USD cents).
    static func auctionRow(_ auction: Auction, syncedAtMs: Int64) -> AuctionRow {
        AuctionRow(id: auction.id, domain: auction.domain, type: auction.type, currentCents: auction.currentBid?.cents,
                   minimumCents: auction.minimumBid?.cents, bids: auction.bids, bidders: auction.bidders, endMs: auction.endMs,
                   yourProxyCents: auction.yourProxyBid?.cents, highBidder: auction.isHighBidder ?? false, ended: auction.ended,
                   syncedAtMs: syncedAtMs)
    }

    /// Runs one auction read, turning transport trouble into the sync errors
    /// the callers report.
    func auctionRead<T>(_ body: (DynadotClient) async throws -> T) async throws -> T {
        let client = try requireClient()
        do {
            return try await body(client)
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw error
        }
    }

    /// Lists the open auctions of `types` into the cache (replacing what was
    /// cached for those types), with this account's bids from
    /// `get_auction_bids`. `backorderList` uses the older
    /// `get_open_backorder_auctions` instead (backorder auctions only).
    @discardableResult
    public func pullAuctions(types: [String], backorderList: Bool = false) async throws -> [AuctionRow] {
        for type in types where !Self.auctionTypes.contains(type) {
            throw SyncError.invalidEdit("unknown auction type '\(TerminalText.escaped(type))'; use \(Self.auctionTypes.joined(separator: ", "))")
        }
        return try await auctionRead { client in
            let listed: [Auction]
            let shownTypes: [String]
            if backorderList {
                listed = try AuctionList(try await client.send(APIRequest("get_open_backorder_auctions", ["currency": "usd"])),
                                         defaultType: "backorder").auctions
                shownTypes = ["backorder"]
            } else {
                listed = try AuctionList(try await client.send(APIRequest("get_open_auctions", [
                    "type": types.joined(separator: ","), "currency": "usd",
                ]))).auctions
                shownTypes = types
            }
            let bids = try AuctionList(try await client.send(APIRequest("get_auction_bids", ["currency": "usd"]))).auctions
            let mine = Dictionary(bids.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let now = store.nowMs
            let rows = listed.map { auction -> AuctionRow in
                var row = Self.auctionRow(auction, syncedAtMs: now)
                if let bid = mine[auction.id] {
                    row.yourProxyCents = bid.yourProxyBid?.cents
                    row.highBidder = bid.isHighBidder ?? false
                }
                return row
            }
            try store.replaceAuctions(rows, types: shownTypes)
            return try store.auctions(types: shownTypes).rows
        }
    }

    /// The name an auction key stands for: a cached auction's id or domain,
    /// else the key itself read as a domain name (ASCII). Nil when the key
    /// is a number no cached auction has (list the auctions first).
    public func auctionDomain(_ key: String) throws -> (domain: String, cached: AuctionRow?)? {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        if let row = try store.auction(idOrDomain: trimmed) ?? store.auction(idOrDomain: Punycode.asciiName(trimmed.lowercased())) {
            return (row.domain, row)
        }
        if trimmed.allSatisfy(\.isNumber) { return nil }
        return (Punycode.asciiName(trimmed.lowercased()), nil)
    }

    /// Fetches one auction's details and bid history (backorder auctions
    /// with `get_backorder_auction_details`) and caches it.
    public func auctionDetail(domain: String, backorder: Bool) async throws -> AuctionDetail {
        try await auctionRead { client in try await fetchAuctionDetail(domain: domain, backorder: backorder, client: client) }
    }

    func fetchAuctionDetail(domain: String, backorder: Bool, client: DynadotClient) async throws -> AuctionDetail {
        let command = backorder ? "get_backorder_auction_details" : "get_auction_details"
        let details = try AuctionDetails(try await client.send(APIRequest(command, ["domain": domain, "currency": "usd"]))).details
        guard let detail = details.first(where: { $0.auction.domain == domain }) ?? details.first else {
            throw SyncError.invalidEdit("Dynadot has no auction for \(domain)")
        }
        var row = Self.auctionRow(detail.auction, syncedAtMs: store.nowMs)
        if row.type.isEmpty, let cached = try store.auction(idOrDomain: row.id) { row.type = cached.type }
        try store.saveAuctions([row])
        return detail
    }

    /// The closed auctions this account took part in, regular and backorder
    /// (`get_closed_auctions`, `get_closed_backorder_auctions`), ending
    /// between `from` and `until` (`yyyy-mm-dd`).
    public func closedAuctions(from: String, until: String) async throws -> [Auction] {
        try await auctionRead { client in
            let regular = try AuctionList(try await client.send(APIRequest("get_closed_auctions", [
                "startDate": from, "endDate": until, "currency": "usd",
            ]))).auctions
            let backorder = try AuctionList(try await client.send(APIRequest("get_closed_backorder_auctions", [
                "startDate": from, "endDate": until, "currency": "usd",
            ])),
                                            defaultType: "backorder").auctions
            return regular + backorder
        }
    }

    /// Queues a proxy bid of `amountCents` on the auction of `domain` as a
    /// money intent, after reading the auction fresh: refused (nothing
    /// queued) when it has ended, when the amount is below the minimum bid,
    /// or when this account's proxy bid is already that high. `approve`
    /// records the amount as approved (the user confirmed it), so a push
    /// sends it within the amount and the balance. Returns the summary, the
    /// new intent ids and the detail the check read.
    public func queueBid(domain: String, amountCents: Int64, origin: OperationOrigin, approve: Bool)
        async throws -> (summary: QueueSummary, intentIDs: [Int64], detail: AuctionDetail) {
        guard amountCents > 0 else { throw SyncError.invalidEdit("a bid must be more than $0.00") }
        let cached = try store.auction(idOrDomain: domain)
        let detail = try await auctionDetail(domain: domain, backorder: cached?.type == "backorder")
        let auction = detail.auction
        if let reason = Self.bidRefusal(auction, amountCents: amountCents) {
            throw SyncError.invalidEdit("\(reason); nothing was queued")
        }
        let backorder = auction.type == "backorder" || cached?.type == "backorder"
        let edit = Edit.bid(auctionID: auction.id, amountCents: amountCents, backorder: backorder)
        let base = JSONValue.object(["proxy": auction.yourProxyBid.map { .number(Double($0.cents)) } ?? .null]).serialized()
        let intent = NewIntent(domain: auction.domain, field: IntentField.bid.rawValue, value: edit.encodedValue, baseValue: base,
                               money: true, costCents: amountCents, valueVersion: Edit.valueVersion)
        let label = edit.label(domains: 1) + " (\(auction.domain))"
        let result = try store.enqueue(NewOperation(origin: origin, label: label, approvedCents: approve ? amountCents : nil), intents: [intent])
        return (QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                             unchanged: result.unchanged, costCents: amountCents, operationID: result.operationID), result.added, detail)
    }

    /// Why a bid of `amountCents` cannot go on `auction` as it stands, or nil.
    public static func bidRefusal(_ auction: Auction, amountCents: Int64) -> String? {
        if auction.ended { return "the auction for \(auction.domain) has ended" }
        if let proxy = auction.yourProxyBid?.cents, proxy >= amountCents {
            return "your bid on \(auction.domain) is already \(Cents.dollars(proxy)); bid more than that to raise it"
        }
        if let minimum = auction.minimumBid?.cents, amountCents < minimum {
            return "\(Cents.dollars(amountCents)) is below the minimum bid of \(Cents.dollars(minimum)) for \(auction.domain)"
        }
        return nil
    }

    /// Just before bids are sent: reads each auction again. A bid the
    /// auction already shows (placed by an earlier push whose answer was
    /// lost, or from elsewhere) is done without sending; one that can no
    /// longer go (ended, below the minimum now) fails with the reason.
    /// Returns the ids settled here.
    func recheckBids(_ money: [OutboxIntent], client: DynadotClient, tally: PushTally) async throws -> Set<Int64> {
        var settled = Set<Int64>()
        for intent in money where intent.field == IntentField.bid.rawValue {
            guard case .bid(_, let amount, let backorder)? = Edit(field: .bid, encodedValue: intent.value) else { continue }
            tally.update { $0.calls += 1 }
            let auction: Auction
            do {
                auction = try await fetchAuctionDetail(domain: intent.domain, backorder: backorder, client: client).auction
            } catch let error as DynadotError {
                throw SyncError.aborted("could not check the auction for \(intent.domain) before bidding: \(error.message)")
            }
            if let proxy = auction.yourProxyBid?.cents, proxy >= amount {
                try store.completeIntents(ids: [intent.id], writes: .none)
                tally.update { $0.done += 1 }
                settled.insert(intent.id)
            } else if let reason = Self.bidRefusal(auction, amountCents: amount) {
                try store.failIntents(ids: [intent.id], message: reason + " (checked just before bidding)")
                tally.update {
                    $0.failed += 1
                    $0.problems.append(PushProblem(domain: intent.domain, what: "bid", reason: reason))
                }
                settled.insert(intent.id)
            }
        }
        return settled
    }

    /// Settles bids whose answer was lost: applied when this account's
    /// proxy bid on the auction (`get_auction_bids`; a backorder auction's
    /// own details) is at least the amount; otherwise back to the queue
    /// like any money intent — never resent blindly.
    func verifyBids(_ intents: [OutboxIntent], client: DynadotClient, tally: PushTally,
                    afterInterruption: Bool) async throws -> Set<Int64> {
        tally.update { $0.calls += 1 }
        let bids = try AuctionList(try await client.send(APIRequest("get_auction_bids", ["currency": "usd"]))).auctions
        var proxies = Dictionary(bids.compactMap { bid in bid.yourProxyBid.map { (bid.domain, $0.cents) } }, uniquingKeysWith: max)
        var requeued = Set<Int64>()
        for intent in intents {
            tally.update { $0.verified += 1 }
            guard case .bid(_, let amount, let backorder)? = Edit(field: .bid, encodedValue: intent.value) else {
                try store.failIntents(ids: [intent.id], message: "unreadable bid intent; bid again")
                continue
            }
            if backorder, proxies[intent.domain] == nil {
                tally.update { $0.calls += 1 }
                proxies[intent.domain] = try await fetchAuctionDetail(domain: intent.domain, backorder: true, client: client)
                    .auction.yourProxyBid?.cents
            }
            if let proxy = proxies[intent.domain], proxy >= amount {
                try store.completeIntents(ids: [intent.id], writes: .none)
                tally.update { $0.done += 1 }
            } else if try requeueMoney(intent, tally: tally, afterInterruption: afterInterruption) {
                requeued.insert(intent.id)
            }
        }
        return requeued
    }

    /// After bids went out: the account's bids into the cached auctions.
    func refreshBids(client: DynadotClient, tally: PushTally) async throws {
        tally.update { $0.calls += 1 }
        let bids = try AuctionList(try await client.send(APIRequest("get_auction_bids", ["currency": "usd"]))).auctions
        var rows: [AuctionRow] = []
        for bid in bids {
            guard var row = try store.auction(idOrDomain: bid.id) else { continue }
            row.yourProxyCents = bid.yourProxyBid?.cents
            row.highBidder = bid.isHighBidder ?? row.highBidder
            row.currentCents = bid.currentBid?.cents ?? row.currentCents
            rows.append(row)
        }
        try store.saveAuctions(rows)
    }
}
