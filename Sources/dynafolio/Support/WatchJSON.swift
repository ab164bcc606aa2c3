import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

extension JSONOutput {
    /// One watched name as `watch ls --json` and `expiring --watch --json`
    /// print it.
    struct WatchItem: Encodable {
        let row: WatchRow
        let nowMs: Int64

        private enum Key: String, CodingKey {
            case name, nameUnicode = "name_unicode", note, status, price, currency, auctionID = "auction_id", inCloseout = "in_closeout"
            case news, checkedAtMs = "checked_at_ms", ageSeconds = "age_seconds", addedAtMs = "added_at_ms"
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.name, forKey: .name)
            try out.encode(Punycode.unicodeName(row.name), forKey: .nameUnicode)
            try out.encode(row.note, forKey: .note)
            try out.encode(row.status?.rawValue, forKey: .status)
            try out.encode(row.priceCents.map { Cents.format(cents: $0) }, forKey: .price)
            try out.encode("USD", forKey: .currency)
            try out.encode(row.auctionID, forKey: .auctionID)
            try out.encode(row.inCloseout, forKey: .inCloseout)
            try out.encode(row.news.names, forKey: .news)
            try out.encode(row.checkedMs, forKey: .checkedAtMs)
            try out.encode(row.checkedMs.map { max(0, (nowMs - $0) / 1000) }, forKey: .ageSeconds)
            try out.encode(row.addedMs, forKey: .addedAtMs)
        }
    }
}
