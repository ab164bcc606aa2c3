import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane's open auctions: the cached list (`get_open_auctions`,
/// every type) with its age, soonest end first, filtered live by name.
struct AcquireAuctionsView {
    private(set) var rows: [AuctionRow] = []
    private(set) var fetchedMs: Int64?
    private(set) var filter = NameFilterLine()
    private(set) var table = TableState()
    private var visibleRows = 20
    /// The time the list was last read or drawn at: auctions ended by then drop out.
    private var nowMs: Int64 = 0

    static let columns = [
        TableColumn("Type", minWidth: 8, maxWidth: 16), TableColumn("Domain", minWidth: 16, maxWidth: 44, flex: 2),
        TableColumn("Current", minWidth: 9, alignment: .right), TableColumn("Bids", minWidth: 4, alignment: .right),
        TableColumn("Ends in", minWidth: 7, maxWidth: 8, alignment: .right), TableColumn("Your bid", minWidth: 8, maxWidth: 18, flex: 1),
    ]

    /// Open auctions the filter lets through (ended ones drop out as the clock runs).
    var shown: [AuctionRow] {
        let matcher = filter.filter, now = nowMs
        return rows.filter { !$0.ended && ($0.endMs ?? .max) > now && matcher.matches($0.domain) }
    }

    var cursorRow: AuctionRow? {
        let visible = shown
        return table.cursor < visible.count ? visible[table.cursor] : nil
    }

    /// Whether the cached list is missing or older than a watchlist refresh allows.
    func isStale(nowMs: Int64) -> Bool { fetchedMs.map { nowMs - $0 > SyncEngine.watchListsMaxAgeMs } ?? true }

    mutating func refresh(_ app: AppEnvironment) throws {
        nowMs = app.nowMs
        (rows, fetchedMs) = try app.store.auctions()
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: shown.count)
    }

    mutating func move(_ action: Action) { table.move(action, rowCount: shown.count, visibleRows: visibleRows) }

    mutating func openFilter() { filter.open() }

    mutating func handleFilter(_ key: KeyEvent) -> Bool {
        guard filter.isOpen else { return false }
        if filter.handle(key) { table = TableState() }
        return true
    }

    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let (line, body) = rect.splitTop(1)
        nowMs = app.nowMs
        let now = nowMs
        let visible = shown
        var summary = " Auctions · \(NumberText.count(visible.count, "open auction"))"
        summary += fetchedMs.map { " · fetched \(app.age(since: $0)) ago" } ?? " · never fetched"
        summary += " · \(app.actions.key(.acquireBid)) bid · \(app.actions.key(.sync)) fetch"
        filter.render(into: &screen, rect: line, summary: summary)
        let empty = fetchedMs == nil ? "no auctions fetched yet — press \(app.actions.key(.sync)) to fetch the open auctions"
            : filter.text.isEmpty ? "no open auctions" : "no open auction matches the filter"
        let view = TableView(columns: Self.columns, rowCount: visible.count, state: table, emptyText: empty)
        visibleRows = max(1, view.visibleRows(in: body))
        let unicode = app.unicode
        table = view.render(into: &screen, rect: body) { index in
            let row = visible[index]
            let yours: TableCell = row.yourProxyCents.map {
                TableCell(Cents.dollars($0) + (row.highBidder ? " high" : " outbid"), accent: row.highBidder ? .ok : .error)
            } ?? TableCell("")
            return TableRow([TableCell(TerminalText.escaped(row.type), accent: .dim),
                             TableCell(TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: unicode))),
                             TableCell(row.currentCents.map { Cents.dollars($0) } ?? "—"), TableCell(row.bids.map(String.init) ?? ""),
                             TableCell(ValueDisplay.timeLeft(row.endMs, nowMs: now)), yours])
        }
    }
}

/// The Acquire pane's expired closeouts: the cached list
/// (`get_expired_closeout_domains`) with its age, filtered live by name.
struct AcquireCloseoutsView {
    private(set) var rows: [CloseoutRow] = []
    private(set) var fetchedMs: Int64?
    private(set) var filter = NameFilterLine()
    private(set) var table = TableState()
    private var visibleRows = 20

    static let columns = [
        TableColumn("Domain", minWidth: 18, maxWidth: 48, flex: 2), TableColumn("Price", minWidth: 9, alignment: .right),
        TableColumn("Renewal", minWidth: 9, alignment: .right), TableColumn("Ends", minWidth: 10, maxWidth: 10),
    ]

    var shown: [CloseoutRow] {
        let matcher = filter.filter
        return filter.text.isEmpty ? rows : rows.filter { matcher.matches($0.domain) }
    }

    var cursorRow: CloseoutRow? {
        let visible = shown
        return table.cursor < visible.count ? visible[table.cursor] : nil
    }

    func isStale(nowMs: Int64) -> Bool { fetchedMs.map { nowMs - $0 > SyncEngine.watchListsMaxAgeMs } ?? true }

    mutating func refresh(_ app: AppEnvironment) throws {
        (rows, fetchedMs) = try app.store.closeouts()
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: shown.count)
    }

    mutating func move(_ action: Action) { table.move(action, rowCount: shown.count, visibleRows: visibleRows) }

    mutating func openFilter() { filter.open() }

    mutating func handleFilter(_ key: KeyEvent) -> Bool {
        guard filter.isOpen else { return false }
        if filter.handle(key) { table = TableState() }
        return true
    }

    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let (line, body) = rect.splitTop(1)
        let visible = shown
        var summary = " Closeouts · \(NumberText.count(visible.count, "name"))"
        summary += fetchedMs.map { " · fetched \(app.age(since: $0)) ago" } ?? " · never fetched"
        summary += " · \(app.actions.key(.acquireBuy)) buy · \(app.actions.key(.sync)) fetch"
        filter.render(into: &screen, rect: line, summary: summary)
        let empty = fetchedMs == nil ? "no closeouts fetched yet — press \(app.actions.key(.sync)) to fetch them"
            : filter.text.isEmpty ? "no closeout domains" : "no closeout matches the filter"
        let view = TableView(columns: Self.columns, rowCount: visible.count, state: table, emptyText: empty)
        visibleRows = max(1, view.visibleRows(in: body))
        let unicode = app.unicode
        table = view.render(into: &screen, rect: body) { index in
            let row = visible[index]
            return TableRow([TableCell(TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: unicode))),
                             TableCell(row.priceCents.map { Cents.dollars($0) } ?? "—", accent: .pending),
                             TableCell(row.renewalCents.map { Cents.dollars($0) } ?? "—"),
                             TableCell(row.endMs.map(ValueDisplay.isoDate) ?? "—")])
        }
    }
}
