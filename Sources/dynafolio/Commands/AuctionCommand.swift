import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio auction ls|show|bid|closed`.
struct AuctionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auction",
        abstract: "List open auctions, read one, bid (money), and list the closed auctions you took part in.",
        subcommands: [AuctionListCommand.self, AuctionShowCommand.self, AuctionBidCommand.self, AuctionClosedCommand.self]
    )

    /// The engine's auction key, or a usage error that says what to do.
    static func domain(_ key: String, _ context: AppContext) throws -> (domain: String, cached: AuctionRow?) {
        guard let found = try context.engine.auctionDomain(key) else {
            throw CLIFailure.usage("no cached auction has id \(TerminalText.escaped(key)); run `dynafolio auction ls` first, or give the domain name")
        }
        return found
    }
}

/// `dynafolio auction ls [QUERY…] [--type T,…] [--backorder] [--cached] [--json]`.
struct AuctionListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List open auctions (fetched and cached, or --cached with their age).",
        discussion: """
        Fetches get_open_auctions for the types asked (all by default: expired, user, backorder, \
        registry_expired, registrar) plus get_auction_bids (your bids), and caches them. --backorder \
        lists backorder auctions with the older get_open_backorder_auctions. Words filter by domain \
        name (every word must appear). --cached prints the cached list and its age without asking.
        """
    )

    @Argument(help: "Words the domain name must contain.") var query: [String] = []
    @Option(help: "Auction types, comma separated (expired, user, backorder, registry_expired, registrar).") var type: String?
    @Flag(help: "Backorder auctions only, with get_open_backorder_auctions.") var backorder = false
    @Flag(help: "Print the cached list without asking Dynadot.") var cached = false
    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() async throws {
        let types = backorder ? ["backorder"]
            : type.map { $0.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? SyncEngine.auctionTypes
        for name in types where !SyncEngine.auctionTypes.contains(name) {
            throw CLIFailure.usage("unknown auction type '\(TerminalText.escaped(name))'; use \(SyncEngine.auctionTypes.joined(separator: ", "))")
        }
        let context = try AppContext.open()
        var rows: [AuctionRow]
        if cached {
            rows = try context.store.auctions(types: types).rows
        } else {
            if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
            try context.requireAccount()
            rows = try await context.engine.pullAuctions(types: types, backorderList: backorder)
        }
        let filter = NameFilter(words: query)
        rows = rows.filter { filter.matches($0.domain) }
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.AuctionItem(row: $0, nowMs: now) })
            return
        }
        if rows.isEmpty {
            print(cached ? "no cached auctions match; run `dynafolio auction ls` to fetch them" : "no open auctions match")
            return
        }
        let width = max(6, rows.map { NameText.shown($0.domain).count }.max() ?? 6)
        print("ID        " + SearchCommand.padded("DOMAIN", width) + "  TYPE              CURRENT      BIDS  ENDS IN   YOUR BID")
        for row in rows {
            let yours = row.yourProxyCents.map { Cents.dollars($0) + (row.highBidder ? " (high)" : " (outbid)") } ?? "-"
            print(SearchCommand.padded(TerminalText.escaped(row.id), 8) + "  " + SearchCommand.padded(NameText.shown(row.domain), width)
                  + "  " + SearchCommand.padded(TerminalText.escaped(row.type), 16) + "  "
                  + SearchCommand.padded(row.currentCents.map(Cents.dollars) ?? "-", 11) + "  "
                  + SearchCommand.padded(row.bids.map(String.init) ?? "-", 4) + "  "
                  + SearchCommand.padded(ValueDisplay.timeLeft(row.endMs, nowMs: now), 8) + "  " + yours)
        }
        if let oldest = rows.map(\.syncedAtMs).min() {
            print("\(rows.count) auction\(rows.count == 1 ? "" : "s") · fetched \(ValueDisplay.age(sinceMs: oldest, nowMs: now)) ago")
        }
    }
}

/// `dynafolio auction show ID|DOMAIN [--json]`.
struct AuctionShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Read one auction's details and bid history (get_auction_details; backorder auctions with get_backorder_auction_details)."
    )

    @Argument(help: "The auction id (from `auction ls`) or the domain name.") var auction: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        let (domain, cached) = try AuctionCommand.domain(auction, context)
        let detail = try await context.engine.auctionDetail(domain: domain, backorder: cached?.type == "backorder")
        let now = context.store.nowMs
        let a = detail.auction
        if json {
            try JSONOutput.emit(JSONOutput.AuctionDetailItem(detail: detail))
            return
        }
        print("\(NameText.shown(a.domain))  auction \(TerminalText.escaped(a.id))  \(TerminalText.escaped(a.type.isEmpty ? cached?.type ?? "-" : a.type))")
        print("status       \(a.ended ? "ended" : "open")\(a.status.map { " (\(TerminalText.escaped($0)))" } ?? "")")
        print("current bid  \(a.currentBid.map { Cents.dollars($0.cents) } ?? "-")   bids \(a.bids.map(String.init) ?? "-")   bidders \(a.bidders.map(String.init) ?? "-")")
        if let minimum = a.minimumBid { print("minimum bid  \(Cents.dollars(minimum.cents))") }
        print("ends         \(a.endMs.map { ValueDisplay.isoDate($0) + " (" + ValueDisplay.timeLeft($0, nowMs: now) + ")" } ?? "-")")
        if let proxy = a.yourProxyBid {
            print("your bid     \(Cents.dollars(proxy.cents)) — \((a.isHighBidder ?? false) ? "you are the high bidder" : "outbid")")
        } else {
            print("your bid     none")
        }
        if !detail.history.isEmpty {
            print("history")
            for bid in detail.history {
                print("  \(bid.atMs.map(ValueDisplay.isoDate) ?? "-")  \(SearchCommand.padded(TerminalText.escaped(bid.bidder), 12))  \(bid.price.map { Cents.dollars($0.cents) } ?? "-")  \(TerminalText.escaped(bid.status))")
            }
        }
    }
}

/// `dynafolio auction bid ID|DOMAIN AMOUNT [--yes] [--queue]`.
struct AuctionBidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bid",
        abstract: "Bid on an auction (money: the most you agree to pay if you win).",
        discussion: """
        Reads the auction fresh and refuses a bid below its minimum, on an ended auction, or not above \
        your current bid. On a terminal it shows the amount against the balance and asks; --yes \
        confirms without asking (needed off a terminal). The confirmed bid goes out at once through \
        the outbox, after the auction and the balance are read again; a bid over the balance is held \
        (exit 4). --queue only queues it (approved for its amount) for a later `push --yes`. A bid \
        whose answer was lost is checked with get_auction_bids before anything is resent.
        """
    )

    @Argument(help: "The auction id (from `auction ls`) or the domain name.") var auction: String
    @Argument(help: "Your bid in USD (your proxy: the most you pay), e.g. 120 or 99.50.") var amount: String
    @Flag(name: .shortAndLong, help: "Confirm without asking.") var yes = false
    @Flag(help: "Queue the approved bid without sending it now.") var queue = false

    func run() async throws {
        let cents: Int64
        do { cents = try Cents.parse(amount, what: "bid amount") } catch { throw CLIFailure.usage(error.description) }
        if !yes && !isInteractive {
            throw CLIFailure.usage("a bid agrees to pay up to \(Cents.dollars(cents)) if you win; pass --yes to confirm it when not on a terminal")
        }
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        let (domain, _) = try AuctionCommand.domain(auction, context)
        let balance = try context.store.account()?.balanceCents
        let balanceText = balance.map { "balance \(Cents.dollars($0)) (as last fetched; read again before bidding)" }
            ?? "balance unknown (read before bidding)"
        if !yes {
            let now = context.store.nowMs
            let a = try await context.engine.auctionDetail(domain: domain, backorder: try context.store.auction(idOrDomain: domain)?.type == "backorder").auction
            print("\(NameText.shown(a.domain)) (auction \(TerminalText.escaped(a.id))): current \(a.currentBid.map { Cents.dollars($0.cents) } ?? "-")"
                  + (a.minimumBid.map { ", minimum \(Cents.dollars($0.cents))" } ?? "") + ", ends in \(ValueDisplay.timeLeft(a.endMs, nowMs: now))")
            print(balanceText)
            guard askYes("Bid \(Cents.dollars(cents)) (you pay up to this if you win)?") else {
                print("no bid placed; nothing was queued")
                return
            }
        }
        // The engine's refusals are usage errors (exit 2) as they propagate.
        let queued = try await context.engine.queueBid(domain: domain, amountCents: cents, origin: .cli, approve: true)
        guard !queued.intentIDs.isEmpty else {
            print("this bid is queued already; `dynafolio push --yes` sends it")
            return
        }
        if queue {
            print("queued: bid \(Cents.dollars(cents)) on \(NameText.shown(queued.detail.auction.domain)); `dynafolio push --yes` sends it · \(balanceText)")
            return
        }
        let summary = try await context.engine.push(.confirmed(intentIDs: Set(queued.intentIDs), moneyCents: cents))
        if let row = try context.store.auction(idOrDomain: queued.detail.auction.id), summary.done > 0 {
            print("bid \(Cents.dollars(cents)) on \(NameText.shown(row.domain)): "
                  + (row.highBidder ? "you are the high bidder at \(row.currentCents.map(Cents.dollars) ?? "-")"
                                    : "outbid — the current price is \(row.currentCents.map(Cents.dollars) ?? "-")"))
        }
        try PushCommand.report(summary)
    }
}

/// `dynafolio auction closed [--from DATE] [--to DATE] [--json]`.
struct AuctionClosedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closed",
        abstract: "List the closed auctions you took part in (get_closed_auctions and get_closed_backorder_auctions)."
    )

    @Option(help: "First end date, yyyy-mm-dd (default: 30 days ago).") var from: String?
    @Option(help: "Last end date, yyyy-mm-dd (default: today).") var to: String?
    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        let now = context.store.nowMs
        let until = try to.map { try Self.day($0, "--to") } ?? ValueDisplay.isoDate(now)
        let since = try from.map { try Self.day($0, "--from") } ?? ValueDisplay.isoDate(now - 30 * 86_400_000)
        try context.requireAccount()
        let auctions = try await context.engine.closedAuctions(from: since, until: until)
        if json {
            try JSONOutput.emit(auctions.map(JSONOutput.ClosedAuctionItem.init))
            return
        }
        if auctions.isEmpty {
            print("no closed auctions you took part in between \(since) and \(until)")
            return
        }
        let width = max(6, auctions.map { NameText.shown($0.domain).count }.max() ?? 6)
        print(SearchCommand.padded("DOMAIN", width) + "  TYPE        RESULT  PRICE        YOUR BID")
        for a in auctions {
            print(SearchCommand.padded(NameText.shown(a.domain), width) + "  " + SearchCommand.padded(TerminalText.escaped(a.type.isEmpty ? "auction" : a.type), 10)
                  + "  " + SearchCommand.padded(a.won.map { $0 ? "won" : "lost" } ?? "-", 6) + "  "
                  + SearchCommand.padded(a.currentBid.map { Cents.dollars($0.cents) } ?? "-", 11) + "  "
                  + (a.yourProxyBid.map { Cents.dollars($0.cents) } ?? "-"))
        }
    }

    /// A `yyyy-mm-dd` date as given, or a usage error naming the option.
    static func day(_ text: String, _ option: String) throws -> String {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let m = Int(parts[1]), let d = Int(parts[2]), Int(parts[0]) != nil,
              (1...12).contains(m), (1...31).contains(d) else {
            throw CLIFailure.usage("\(option) '\(TerminalText.escaped(text))' is not a date; use yyyy-mm-dd, e.g. 2026-01-31")
        }
        return text
    }
}
