import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane's open auctions: the cached list (`get_open_auctions`,
/// every type) with its age, soonest end first, filtered live by name;
/// auctions ended by the time it is read or drawn drop out.
typealias AcquireAuctionsView = CachedListView<AuctionRow>

extension CachedListView where Row == AuctionRow {
    init() { self.init(name: \.domain, isCurrent: { row, now in !row.ended && (row.endMs ?? .max) > now }) }

    static var columns: [TableColumn] {
        [
            TableColumn("Type", minWidth: 8, maxWidth: 16), TableColumn("Domain", minWidth: 16, maxWidth: 44, flex: 2),
            TableColumn("Current", minWidth: 9, alignment: .right), TableColumn("Bids", minWidth: 4, alignment: .right),
            TableColumn("Ends in", minWidth: 7, maxWidth: 8, alignment: .right), TableColumn("Your bid", minWidth: 8, maxWidth: 18, flex: 1),
        ]
    }

    mutating func refresh(_ app: AppEnvironment) throws {
        let (rows, fetchedMs) = try app.store.auctions()
        load(rows, fetchedMs: fetchedMs, nowMs: app.nowMs)
    }

    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let fetched = fetchedMs
        let empty = fetched == nil ? "no auctions fetched yet — press \(app.actions.key(.sync)) to fetch the open auctions"
            : filter.text.isEmpty ? "no open auctions" : "no open auction matches the filter"
        let now = app.nowMs, unicode = app.unicode
        render(into: &screen, rect: rect, nowMs: now, columns: Self.columns, emptyText: empty, summary: { visible in
            var summary = " Auctions · \(NumberText.count(visible.count, "open auction"))"
            summary += fetched.map { " · fetched \(app.age(since: $0)) ago" } ?? " · never fetched"
            return summary + " · \(app.actions.key(.acquireBid)) bid · \(app.actions.key(.sync)) fetch"
        }) { row in
            let yours: TableCell = row.yourProxyCents.map {
                TableCell(Cents.dollars($0) + (row.highBidder ? " high" : " outbid"), accent: row.highBidder ? .ok : .error)
            } ?? TableCell("")
            return [TableCell(TerminalText.escaped(row.type), accent: .dim),
                    TableCell(TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: unicode))),
                    TableCell(row.currentCents.map { Cents.dollars($0) } ?? "—"), TableCell(row.bids.map(String.init) ?? ""),
                    TableCell(ValueDisplay.timeLeft(row.endMs, nowMs: now)), yours]
        }
    }
}

/// The Acquire pane's expired closeouts: the cached list
/// (`get_expired_closeout_domains`) with its age, filtered live by name.
typealias AcquireCloseoutsView = CachedListView<CloseoutRow>

extension CachedListView where Row == CloseoutRow {
    init() { self.init(name: \.domain) }

    static var columns: [TableColumn] {
        [
            TableColumn("Domain", minWidth: 18, maxWidth: 48, flex: 2), TableColumn("Price", minWidth: 9, alignment: .right),
            TableColumn("Renewal", minWidth: 9, alignment: .right), TableColumn("Ends", minWidth: 10, maxWidth: 10),
        ]
    }

    mutating func refresh(_ app: AppEnvironment) throws {
        let (rows, fetchedMs) = try app.store.closeouts()
        load(rows, fetchedMs: fetchedMs, nowMs: app.nowMs)
    }

    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let fetched = fetchedMs
        let empty = fetched == nil ? "no closeouts fetched yet — press \(app.actions.key(.sync)) to fetch them"
            : filter.text.isEmpty ? "no closeout domains" : "no closeout matches the filter"
        let unicode = app.unicode
        render(into: &screen, rect: rect, nowMs: app.nowMs, columns: Self.columns, emptyText: empty, summary: { visible in
            var summary = " Closeouts · \(NumberText.count(visible.count, "name"))"
            summary += fetched.map { " · fetched \(app.age(since: $0)) ago" } ?? " · never fetched"
            return summary + " · \(app.actions.key(.acquireBuy)) buy · \(app.actions.key(.sync)) fetch"
        }) { row in
            [TableCell(TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: unicode))),
             TableCell(row.priceCents.map { Cents.dollars($0) } ?? "—", accent: .pending),
             TableCell(row.renewalCents.map { Cents.dollars($0) } ?? "—"),
             TableCell(row.endMs.map(ValueDisplay.isoDate) ?? "—")]
        }
    }
}
