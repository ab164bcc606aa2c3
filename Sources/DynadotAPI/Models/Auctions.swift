import Foundation

/// One auction as any of the auction commands describes it. The newer
/// commands use lower-case keys (`auction_id`, `current_bid_price`,
/// `end_time_stamp`), the older and the backorder ones capitalised keys
/// (`AuctionId`, `BidPrice`, `EndTimestamp`); both are read. Fields a
/// command does not send are nil.
public struct Auction: Sendable, Equatable {
    public var id: String
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// `expired`, `user`, `backorder`, `registry_expired`, `registrar`
    /// (empty when the answer does not say).
    public var type: String
    /// The current price.
    public var currentBid: Money?
    /// The lowest bid accepted now (`accepted_bid_price`), when sent.
    public var minimumBid: Money?
    public var bids: Int?
    public var bidders: Int?
    /// End, epoch milliseconds.
    public var endMs: Int64?
    /// The provider's own words, e.g. `1 day, 23 hours`.
    public var timeLeft: String?
    /// True when the answer says the auction is over.
    public var ended: Bool
    /// `In Progress`, `Closed by Timeout`, …; or the bid status
    /// (`High Bidder`, `Out Bid`) in `get_auction_bids`.
    public var status: String?
    public var isHighBidder: Bool?
    /// This account's current bid; nil when it has not bid (`-1`).
    public var yourBid: Money?
    /// This account's proxy bid (the most it agreed to pay); nil when none.
    public var yourProxyBid: Money?
    /// For a closed auction: whether this account won it.
    public var won: Bool?

    public init(id: String, domain: String, type: String, currentBid: Money? = nil, minimumBid: Money? = nil, bids: Int? = nil,
                bidders: Int? = nil, endMs: Int64? = nil, timeLeft: String? = nil, ended: Bool = false, status: String? = nil,
                isHighBidder: Bool? = nil, yourBid: Money? = nil, yourProxyBid: Money? = nil, won: Bool? = nil) {
        self.id = id
        self.domain = domain
        self.type = type
        self.currentBid = currentBid
        self.minimumBid = minimumBid
        self.bids = bids
        self.bidders = bidders
        self.endMs = endMs
        self.timeLeft = timeLeft
        self.ended = ended
        self.status = status
        self.isHighBidder = isHighBidder
        self.yourBid = yourBid
        self.yourProxyBid = yourProxyBid
        self.won = won
    }

    /// Reads one auction object of either vocabulary; `extra` holds the
    /// fields a backorder-details answer keeps beside its `Auction` object.
    /// Nil without an id or a domain.
    public init?(json: JSONValue, extra: JSONValue? = nil, defaultType: String = "") {
        guard case .object = json,
              let id = json.first("auction_id", "AuctionId", "AuctionID")?.identifier,
              let domain = json.first("domain", "Domain", "DomainName")?.nonEmptyText else { return nil }
        let outer = extra ?? .null
        func amount(_ node: JSONValue?) -> Money? {
            // `-1` (and a negative amount) means "none"; the currency field names it.
            guard let money = node?.money ?? node?.text.flatMap(Money.scan), money.amount >= 0 else { return nil }
            return money.defaultingCurrency(to: json.first("currency", "BidPriceCurrency")?.text ?? "USD")
        }
        let statusId = (json.first("auction_status_id", "AuctionStatusId") ?? outer["AuctionStatusId"])?.int
        let bided = json["customer_bided"]?.bool
        let yourStatus = json.first("your_status", "YourStatus")?.nonEmptyText
        let wonText = (json["AuctionWonStatus"] ?? outer["AuctionWonStatus"])?.nonEmptyText?.lowercased()
        self.init(
            id: id, domain: Punycode.asciiName(domain).lowercased(),
            type: json.first("auction_type", "AuctionType")?.nonEmptyText?.lowercased() ?? defaultType,
            currentBid: amount(json.first("current_bid_price", "BidPrice", "current_bid", "CurrentBid")),
            minimumBid: amount(json.first("accepted_bid_price", "MinimumBid") ?? outer["MinimumBid"]),
            bids: json.first("bids", "Bids")?.looseInt,
            bidders: json.first("bidders", "active_bidders", "ActiveBidders")?.looseInt,
            endMs: json.first("end_time_stamp", "EndTimestamp", "EndTimeStamp")?.epochMilliseconds.flatMap { $0 > 0 ? $0 : nil },
            timeLeft: json.first("time_left", "TimeLeft")?.nonEmptyText,
            ended: json["auction_ended"]?.bool ?? statusId.map { $0 != 0 } ?? false,
            status: (json.first("AuctionStatus", "auction_status") ?? outer["AuctionStatus"])?.nonEmptyText ?? yourStatus,
            isHighBidder: (json.first("is_high_bidder", "UserIsHighBid") ?? outer["UserIsHighBid"])?.bool
                ?? yourStatus.map { $0.lowercased() == "high bidder" },
            yourBid: bided == false ? nil : amount(json.first("customer_bid", "YourCurrentBid", "YourHighBid") ?? outer.first("YourCurrentBid", "YourHighBid")),
            yourProxyBid: bided == false ? nil : amount(json.first("customer_proxy_bid", "proxy_bid", "YourProxyBid", "ProxyBid") ?? outer["YourProxyBid"]),
            won: wonText.map { $0 == "won" || $0 == "yes" }
        )
    }
}

/// A list of auctions: `get_open_auctions` (`auction_list`),
/// `get_auction_bids` (`auction_bids`), `get_closed_auctions` and the
/// backorder lists (`Auctions`, or `…Content.Auction`). An empty list may
/// come as `""` or be absent.
public struct AuctionList: Sendable, Equatable {
    public var auctions: [Auction]

    public init(auctions: [Auction]) { self.auctions = auctions }

    /// `defaultType` fills in the type when the answer has none (the
    /// backorder commands: `backorder`).
    public init(_ response: APIResponse, defaultType: String = "") throws {
        let checked = try response.checked()
        let list = checked.firstList([["auction_list"], ["auction_bids"], ["Auctions"], ["Auction"], ["AuctionList", "Auction"],
                                      ["AuctionList"], ["BidList", "Bid"], ["BidList"]]) ?? []
        self.init(auctions: list.compactMap { Auction(json: $0, defaultType: defaultType) })
    }
}

/// One bid in an auction's history (`bid_history`).
public struct AuctionBid: Sendable, Equatable {
    /// `You` for this account.
    public var bidder: String
    public var price: Money?
    public var atMs: Int64?
    /// `High Bidder`, `Out Bid`, …
    public var status: String

    public init(bidder: String, price: Money?, atMs: Int64?, status: String) {
        self.bidder = bidder
        self.price = price
        self.atMs = atMs
        self.status = status
    }
}

/// One auction with its bid history, as `get_auction_details`,
/// `place_auction_bid` and `get_backorder_auction_details` answer.
public struct AuctionDetail: Sendable, Equatable {
    public var auction: Auction
    public var history: [AuctionBid]

    public init(auction: Auction, history: [AuctionBid]) {
        self.auction = auction
        self.history = history
    }
}

/// A details answer: `auction_details` as a list (`get_auction_details`) or
/// one object (`place_auction_bid`) of `{auction_json, bid_history}`, or
/// `GetBackorderAuctionDetails` with the status fields beside an `Auction`.
public struct AuctionDetails: Sendable, Equatable {
    public var details: [AuctionDetail]

    public init(details: [AuctionDetail]) { self.details = details }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        if let backorder = checked.firstObject([["GetBackorderAuctionDetails"], ["BackorderAuctionDetails"]]) {
            guard let auction = Auction(json: backorder["Auction"] ?? backorder, extra: backorder, defaultType: "backorder") else {
                throw checked.missing("GetBackorderAuctionDetails.Auction")
            }
            self.init(details: [AuctionDetail(auction: auction, history: [])])
            return
        }
        guard let items = checked.firstList([["auction_details"], ["AuctionDetails"]]) else { throw checked.missing("auction_details") }
        let details: [AuctionDetail] = items.compactMap { item in
            guard let auction = Auction(json: item["auction_json"] ?? item) else { return nil }
            let history = (item["bid_history"]?.list ?? []).map { bid in
                AuctionBid(bidder: bid["bidder_name"]?.nonEmptyText ?? "", price: bid["bid_price"]?.money,
                           atMs: bid["timestamp"]?.epochMilliseconds.flatMap { $0 > 0 ? $0 : nil },
                           status: bid["bid_status"]?.nonEmptyText ?? "")
            }
            return AuctionDetail(auction: auction, history: history)
        }
        if details.isEmpty, !items.isEmpty { throw checked.missing("auction_json") }
        self.init(details: details)
    }
}
