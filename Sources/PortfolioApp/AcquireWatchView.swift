import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane's watchlist: watched names with their note and what the
/// last refresh found (availability, auction, closeout), news highlighted;
/// `space` marks names for an action.
typealias AcquireWatchView = CachedListView<WatchRow>

extension CachedListView where Row == WatchRow {
    init() { self.init(name: \.name) }

    static var columns: [TableColumn] {
        [
            TableColumn("Domain", minWidth: 16, maxWidth: 40, flex: 2), TableColumn("Status", minWidth: 9, maxWidth: 9),
            TableColumn("Price/yr", minWidth: 9, alignment: .right), TableColumn("Market", minWidth: 8, maxWidth: 8),
            TableColumn("New", minWidth: 9, maxWidth: 20), TableColumn("Checked", minWidth: 7, maxWidth: 7, alignment: .right),
            TableColumn("Note", minWidth: 4, flex: 1),
        ]
    }

    mutating func refresh(_ app: AppEnvironment) throws {
        load(try app.store.watchlist(), fetchedMs: nil, nowMs: app.nowMs)
    }

    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let news = rows.filter { !$0.news.isEmpty }.count
        var summary = " Watchlist · \(NumberText.count(rows.count, "name")) · \(news) new"
        if let checked = rows.compactMap(\.checkedMs).min() { summary += " · checked \(app.age(since: checked)) ago" }
        if !marked.isEmpty { summary += " · \(marked.count) selected" }
        summary += " · \(app.actions.key(.sync)) refresh"
        let empty = rows.isEmpty ? "no watched names — press \(app.actions.key(.acquireAdd)) to add some, or `dynafolio watch add NAME…`"
            : "no watched name matches the filter"
        let now = app.nowMs, unicode = app.unicode
        render(into: &screen, rect: rect, nowMs: now, columns: Self.columns, emptyText: empty, marksSelection: true,
               summary: { _ in summary }) { Self.cells($0, unicode: unicode, nowMs: now) }
    }

    /// Name, status, price, market, news, age and note of one watched name.
    static func cells(_ row: WatchRow, unicode: Bool, nowMs: Int64) -> [TableCell] {
        let name = TerminalText.escaped(DomainNameDisplay.shown(row.name, unicode: unicode))
        let status: TableCell = row.status.map { status in
            TableCell(status.rawValue, accent: status.registrable ? .ok : .dim)
        } ?? TableCell("unchecked", accent: .dim)
        let market: TableCell = row.auctionID != nil ? TableCell("auction", accent: .pending)
            : row.inCloseout ? TableCell("closeout", accent: .pending) : TableCell("—", accent: .dim)
        let news = row.news.isEmpty ? TableCell("") : TableCell(row.news.names.joined(separator: " "), accent: .ok)
        return [TableCell(name), status, TableCell(row.priceCents.map { Cents.dollars($0) } ?? ""), market, news,
                TableCell(row.checkedMs.map { ValueDisplay.age(sinceMs: $0, nowMs: nowMs) } ?? "never"),
                TableCell(TerminalText.escaped(row.note))]
    }
}
