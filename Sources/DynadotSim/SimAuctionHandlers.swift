import DynadotAPI
import Foundation

/// Auctions and backorder auctions. The newer commands (`get_open_auctions`,
/// `get_auction_details`, `get_auction_bids`, `place_auction_bid`) answer
/// as the reference shows them: no envelope, lower-case keys; the older
/// ones keep the `…Response` envelope (one of them misspelt).
enum SimAuctionHandlers {
    static let entries: [String: SimCommandEntry] = [
        "get_open_auctions": SimCommandEntry(responseName: "", domainLimit: nil, handler: openAuctions),
        "get_auction_details": SimCommandEntry(responseName: "", domainLimit: .upTo100, handler: details),
        "get_auction_bids": SimCommandEntry(responseName: "", domainLimit: nil, handler: bids),
        "place_auction_bid": SimCommandEntry(responseName: "", domainLimit: .one, handler: placeBid),
        "get_closed_auctions": SimCommandEntry(responseName: "GetClosedAuctionsResponse", domainLimit: nil, handler: closed),
        "get_open_backorder_auctions": SimCommandEntry(responseName: "GetOpenBackorderAuctionsResponse", domainLimit: nil,
                                                       handler: openBackorderAuctions),
        "get_backorder_auction_details": SimCommandEntry(responseName: "GetBackorderAuctionDetailsResponse", domainLimit: .one,
                                                         handler: backorderDetails),
        "place_backorder_auction_bid": SimCommandEntry(responseName: "PlaceBakcorderAuctionBidResponse", domainLimit: .one,
                                                       handler: placeBackorderBid),
        "get_closed_backorder_auctions": SimCommandEntry(responseName: "GetClosedBackorderAuctionsResponse", domainLimit: nil,
                                                         handler: closedBackorder),
    ]

    static let types: Set<String> = ["expired", "user", "backorder", "registry_expired", "registrar"]

    /// `2022/04/04 02:20 UTC`.
    static func timeText(_ ms: Int64) -> String {
        let c = SimCalendar.utc.dateComponents([.hour, .minute], from: Date(timeIntervalSince1970: Double(ms) / 1000))
        return SimCalendar.slashDate(ms) + String(format: " %02d:%02d UTC", c.hour ?? 0, c.minute ?? 0)
    }

    /// `1 day, 23 hours`, `3 hours, 5 minutes`, `4 minutes`; `ended` after the end.
    static func timeLeft(_ auction: SimAuction, nowMs: Int64) -> String {
        let minutes = (auction.endMs - nowMs) / 60_000
        guard auction.outcome == nil, auction.endMs > nowMs else { return "ended" }
        func unit(_ n: Int64, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if minutes >= 1440 { return unit(minutes / 1440, "day") + ", " + unit(minutes % 1440 / 60, "hour") }
        if minutes >= 60 { return unit(minutes / 60, "hour") + ", " + unit(minutes % 60, "minute") }
        return unit(max(minutes, 0), "minute")
    }

    /// One auction in the newer, lower-case vocabulary.
    static func auctionJSON(_ a: SimAuction, nowMs: Int64, details: Bool) -> JSONValue {
        var fields: [String: JSONValue] = [
            "auction_id": .number(Double(a.id)), "domain": .string(a.domain), "utf_name": .string(Punycode.unicodeName(a.domain)),
            "is_idn": .bool(a.domain.contains("xn--")), "auction_type": .string(a.type), "currency": .string("USD"),
            "current_bid_price": .string(SimMoney.plain(a.currentCents)), "bids": .number(Double(a.bids)),
            "bidders": .number(Double(a.bidders)), "time_left": .string(timeLeft(a, nowMs: nowMs)),
            "start_time": .string(timeText(a.startMs)), "start_time_stamp": .number(Double(a.startMs)),
            "end_time": .string(timeText(a.endMs)), "end_time_stamp": .number(Double(a.endMs)),
            "visitors": .number(Double(a.visitors)), "links": .string("-"), "age": .number(Double(a.age)),
            "dyna_appraisal": .string("-"),
        ]
        if details {
            fields["accepted_bid_price"] = .string(SimMoney.plain(a.minimumBidCents))
            fields["is_high_bidder"] = .bool(a.youAreHighBidder)
            fields["auction_status_id"] = .number(a.outcome == nil ? 0 : 4)
            fields["auction_ended"] = .bool(a.outcome != nil)
            fields["revenue"] = .string(SimMoney.dollars(a.revenueCents))
            fields["customer_bided"] = .bool(a.yourMaxCents != nil)
            fields["customer_bid"] = .string(a.yourMaxCents.map { _ in SimMoney.plain(a.youAreHighBidder ? a.currentCents : a.yourMaxCents ?? 0) } ?? "-1")
            fields["customer_proxy_bid"] = .string(a.yourMaxCents.map(SimMoney.dollars) ?? "-1")
            fields["is_premium"] = .bool(false)
            fields["renewal_price"] = .string("-0.1")
        }
        return .object(fields)
    }

    static func historyJSON(_ a: SimAuction) -> JSONValue {
        .array(a.history.reversed().enumerated().map { index, bid in
            .object([
                "bidder_name": .string(bid.bidder), "bid_price": .string(SimMoney.plain(bid.cents)), "currency": .string("USD"),
                "timestamp": .number(Double(bid.atMs)), "bid_status": .string(index == 0 ? "High Bidder" : "Out Bid"),
                "is_proxy_auto_bid": .bool(bid.bidder != "You" && index == 0 && a.yourMaxCents != nil),
            ])
        })
    }

    static func bidAmount(_ request: SimRequest) throws -> Int {
        let text = try request.required("bid_amount")
        guard let cents = SimMoney.cents(text), cents > 0 else { throw SimRefusal(message: "invalid bid_amount \(text)") }
        return cents
    }

    static func openAuctions(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleAuctions(nowMs: request.nowMs)
        let wanted = Set(try request.required("type").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if let unknown = wanted.subtracting(types).sorted().first {
            throw SimRefusal(message: "invalid auction type \(unknown)")
        }
        let list = account.auctions.filter { $0.outcome == nil && wanted.contains($0.type) }
            .map { auctionJSON($0, nowMs: request.nowMs, details: false) }
        return request.bare(["auction_list": .array(list)])
    }

    static func details(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleAuctions(nowMs: request.nowMs)
        var items: [JSONValue] = []
        for name in request.domainNames {
            guard let auction = account.auctions.last(where: { $0.domain == name }) else {
                throw SimRefusal(message: "could not find an auction for \(name)")
            }
            items.append(.object(["auction_json": auctionJSON(auction, nowMs: request.nowMs, details: true), "bid_history": historyJSON(auction)]))
        }
        return request.bare(["size": .number(Double(items.count)), "auction_details": .array(items)])
    }

    static func bids(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleAuctions(nowMs: request.nowMs)
        let list: [JSONValue] = account.auctions.filter { $0.outcome == nil && $0.yourMaxCents != nil }.map { a in
            .object([
                "bid_id": .number(Double(a.id * 10)), "auction_id": .number(Double(a.id)), "account_id": .string("1"),
                "domain": .string(a.domain), "domain_utf": .string(Punycode.unicodeName(a.domain)), "auction_type": .string(a.type),
                "is_idn": .bool(a.domain.contains("xn--")), "current_bid": .string(SimMoney.dollars(a.currentCents)),
                "your_status": .string(a.youAreHighBidder ? "High Bidder" : "Out Bid"),
                "proxy_bid": .string(SimMoney.dollars(a.yourMaxCents ?? 0)), "active_bidders": .number(Double(a.bidders)),
                "time_left": .string(timeLeft(a, nowMs: request.nowMs)), "end_time": .string(timeText(a.endMs)),
                "end_time_stamp": .number(Double(a.endMs)),
            ])
        }
        return request.bare(["auction_bids": .array(list)])
    }

    static func placeBid(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let auction = try account.placeBid(on: request.domainNames[0], cents: try bidAmount(request), onlyBackorder: false, nowMs: request.nowMs)
        return request.bare([
            "auction_details": .object(["auction_json": auctionJSON(auction, nowMs: request.nowMs, details: true),
                                        "bid_history": historyJSON(auction)]),
        ], applied: true)
    }

    /// Closed auctions this account bid in, of backorder type or not, ending
    /// within the requested dates.
    static func closedList(_ account: inout SimAccount, _ request: SimRequest, backorder: Bool) throws -> [JSONValue] {
        account.settleAuctions(nowMs: request.nowMs)
        let from = try SimBackorderHandlers.day(request["start_date"] ?? request["startDate"])
        let until = try SimBackorderHandlers.day(request["end_date"] ?? request["endDate"])
        return account.auctions.filter { a in
            let day = SimCalendar.slashDate(a.endMs)
            return a.outcome != nil && a.yourMaxCents != nil && a.isBackorderAuction == backorder
                && (from.map { day >= $0 } ?? true) && (until.map { day <= $0 } ?? true)
        }.map { a in
            .object([
                "AuctionId": .string(String(a.id)), "Domain": .string(a.domain), "AuctionStatusId": .string("4"),
                "AuctionStatus": .string("Closed by Timeout"), "BidPrice": .string(SimMoney.plain(a.currentCents)),
                "BidPriceCurrency": .string("USD"), "Bids": .string(String(a.bids)), "AuctionWonStatus": .string(a.outcome ?? ""),
                "YourHighBid": .string(SimMoney.plain(a.youAreHighBidder ? a.currentCents : a.yourMaxCents ?? 0)),
                "YourProxyBid": .string(SimMoney.plain(a.yourMaxCents ?? 0)),
                "EndTime": .string(timeText(a.endMs)), "EndTimestamp": .string(String(a.endMs)),
            ])
        }
    }

    static func closed(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        request.ok(["Auctions": .array(try closedList(&account, request, backorder: false))])
    }

    static func closedBackorder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        request.ok(["Auctions": .array(try closedList(&account, request, backorder: true))])
    }

    static func backorderAuctionJSON(_ a: SimAuction) -> JSONValue {
        .object([
            "AuctionId": .string(String(a.id)), "Domain": .string(a.domain), "BidPrice": .string(SimMoney.plain(a.currentCents)),
            "BidPriceCurrency": .string("USD"), "Bids": .string(String(a.bids)), "EndTime": .string(timeText(a.endMs)),
            "EndTimestamp": .string(String(a.endMs)),
        ])
    }

    static func openBackorderAuctions(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleAuctions(nowMs: request.nowMs)
        let list = account.auctions.filter { $0.outcome == nil && $0.isBackorderAuction }.map(backorderAuctionJSON)
        return request.ok(["Auctions": .array(list)])
    }

    static func backorderDetails(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleAuctions(nowMs: request.nowMs)
        let name = request.domainNames[0]
        guard let a = account.auctions.last(where: { $0.domain == name && $0.isBackorderAuction }) else {
            throw SimRefusal(message: "could not find a backorder auction for \(name)")
        }
        return request.ok(["GetBackorderAuctionDetails": .object([
            "AuctionStatusId": .string(a.outcome == nil ? "0" : "4"),
            "AuctionStatus": .string(a.outcome == nil ? "In Progress" : "Closed by Timeout"),
            "UserIsHighBid": .string(a.youAreHighBidder ? "yes" : "no"),
            "YourCurrentBid": .string(a.yourMaxCents.map { _ in SimMoney.plain(a.youAreHighBidder ? a.currentCents : a.yourMaxCents ?? 0) } ?? "-1"),
            "YourProxyBid": .string(a.yourMaxCents.map(SimMoney.plain) ?? "-1"),
            "MinimumBid": .string(SimMoney.plain(a.minimumBidCents)),
            "Auction": backorderAuctionJSON(a),
        ])])
    }

    static func placeBackorderBid(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        _ = try account.placeBid(on: request.domainNames[0], cents: try bidAmount(request), onlyBackorder: true, nowMs: request.nowMs)
        return request.ok(applied: true)
    }
}
