import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// The `auction … --json` documents. Amounts are plain USD text (`"124.00"`),
/// times ISO dates plus epoch milliseconds.
extension JSONOutput {
    /// One open auction as `auction ls --json` prints it.
    struct AuctionItem: Encodable {
        let row: AuctionRow
        let nowMs: Int64

        private enum Key: String, CodingKey {
            case id, name, nameUnicode = "name_unicode", type, current, minimum, bids, bidders, endsMs = "ends_ms", ends
            case yourBid = "your_bid", highBidder = "high_bidder", ageSeconds = "age_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.id, forKey: .id)
            try out.encode(row.domain, forKey: .name)
            try out.encode(Punycode.unicodeName(row.domain), forKey: .nameUnicode)
            try out.encode(row.type, forKey: .type)
            try out.encode(row.currentCents.map { Cents.format(cents: $0) }, forKey: .current)
            try out.encode(row.minimumCents.map { Cents.format(cents: $0) }, forKey: .minimum)
            try out.encode(row.bids, forKey: .bids)
            try out.encode(row.bidders, forKey: .bidders)
            try out.encode(row.endMs, forKey: .endsMs)
            try out.encode(row.endMs.map(ValueDisplay.isoDate), forKey: .ends)
            try out.encode(row.yourProxyCents.map { Cents.format(cents: $0) }, forKey: .yourBid)
            try out.encode(row.highBidder, forKey: .highBidder)
            try out.encode(max(0, (nowMs - row.syncedAtMs) / 1000), forKey: .ageSeconds)
        }
    }

    /// An auction as a details or closed-auctions answer gave it.
    struct AuctionFields: Encodable {
        let auction: Auction

        private enum Key: String, CodingKey {
            case id, name, nameUnicode = "name_unicode", type, current, minimum, bids, bidders, endsMs = "ends_ms", ends, ended
            case status, yourBid = "your_bid", highBidder = "high_bidder", won
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(auction.id, forKey: .id)
            try out.encode(auction.domain, forKey: .name)
            try out.encode(Punycode.unicodeName(auction.domain), forKey: .nameUnicode)
            try out.encode(auction.type, forKey: .type)
            try out.encode(auction.currentBid.map { Cents.format(cents: $0.cents) }, forKey: .current)
            try out.encode(auction.minimumBid.map { Cents.format(cents: $0.cents) }, forKey: .minimum)
            try out.encode(auction.bids, forKey: .bids)
            try out.encode(auction.bidders, forKey: .bidders)
            try out.encode(auction.endMs, forKey: .endsMs)
            try out.encode(auction.endMs.map(ValueDisplay.isoDate), forKey: .ends)
            try out.encode(auction.ended, forKey: .ended)
            try out.encode(auction.status, forKey: .status)
            try out.encode(auction.yourProxyBid.map { Cents.format(cents: $0.cents) }, forKey: .yourBid)
            try out.encode(auction.isHighBidder, forKey: .highBidder)
            try out.encode(auction.won, forKey: .won)
        }
    }

    /// `auction show --json`: the auction and its bid history.
    struct AuctionDetailItem: Encodable {
        let detail: AuctionDetail

        private enum Key: String, CodingKey { case auction, history }
        private enum BidKey: String, CodingKey { case bidder, price, atMs = "at_ms", status }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(AuctionFields(auction: detail.auction), forKey: .auction)
            var list = out.nestedUnkeyedContainer(forKey: .history)
            for bid in detail.history {
                var item = list.nestedContainer(keyedBy: BidKey.self)
                try item.encode(bid.bidder, forKey: .bidder)
                try item.encode(bid.price.map { Cents.format(cents: $0.cents) }, forKey: .price)
                try item.encode(bid.atMs, forKey: .atMs)
                try item.encode(bid.status, forKey: .status)
            }
        }
    }

    /// One closed auction as `auction closed --json` prints it.
    struct ClosedAuctionItem: Encodable {
        let auction: Auction

        init(_ auction: Auction) { self.auction = auction }

        func encode(to encoder: any Encoder) throws {
            try AuctionFields(auction: auction).encode(to: encoder)
        }
    }
}

extension JSONOutput {
    /// One closeout as `closeout ls --json` prints it.
    struct CloseoutItem: Encodable {
        let row: CloseoutRow
        let nowMs: Int64

        private enum Key: String, CodingKey { case renewal, endsMs = "ends_ms" }

        func encode(to encoder: any Encoder) throws {
            try PricedName(name: row.domain, priceCents: row.priceCents, readMs: row.syncedAtMs, nowMs: nowMs).encode(to: encoder)
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.renewalCents.map { Cents.format(cents: $0) }, forKey: .renewal)
            try out.encode(row.endMs, forKey: .endsMs)
        }
    }
}
