import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane's watchlist: watched names with their note and what the
/// last refresh found (availability, auction, closeout), news highlighted.
struct AcquireWatchView {
    private(set) var rows: [WatchRow] = []
    private(set) var filter = NameFilterLine()
    private(set) var table = TableState()
    /// Names marked with `space`.
    var marked: Set<String> = []
    private var visibleRows = 20

    static let columns = [
        TableColumn("Domain", minWidth: 16, maxWidth: 40, flex: 2), TableColumn("Status", minWidth: 9, maxWidth: 9),
        TableColumn("Price/yr", minWidth: 9, alignment: .right), TableColumn("Market", minWidth: 8, maxWidth: 8),
        TableColumn("New", minWidth: 9, maxWidth: 20), TableColumn("Checked", minWidth: 7, maxWidth: 7, alignment: .right),
        TableColumn("Note", minWidth: 4, flex: 1),
    ]

    /// The rows the filter lets through.
    var shown: [WatchRow] { filter.text.isEmpty ? rows : rows.filter { filter.filter.matches($0.name) } }
    var cursorRow: WatchRow? {
        let visible = shown
        return table.cursor < visible.count ? visible[table.cursor] : nil
    }
    var position: (index: Int, total: Int) { (shown.isEmpty ? 0 : min(table.cursor, shown.count - 1) + 1, shown.count) }
    /// The names an action takes: the marked ones, else the cursor's.
    var targets: [String] { marked.isEmpty ? (cursorRow.map { [$0.name] } ?? []) : rows.map(\.name).filter(marked.contains) }

    mutating func refresh(_ app: AppEnvironment) throws {
        rows = try app.store.watchlist()
        marked.formIntersection(rows.map(\.name))
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: shown.count)
    }

    mutating func move(_ action: Action) { table.move(action, rowCount: shown.count, visibleRows: visibleRows) }

    mutating func toggleMark() {
        guard let name = cursorRow?.name else { return }
        if marked.remove(name) == nil { marked.insert(name) }
        table.moveCursor(by: 1, rowCount: shown.count)
    }

    mutating func openFilter() { filter.open() }

    /// Feeds a key to the filter line; true when it was open.
    mutating func handleFilter(_ key: KeyEvent) -> Bool {
        guard filter.isOpen else { return false }
        if filter.handle(key) { table = TableState() }
        return true
    }

    mutating func render(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let (line, body) = rect.splitTop(1)
        let news = rows.filter { !$0.news.isEmpty }.count
        var summary = " Watchlist · \(NumberText.count(rows.count, "name")) · \(news) new"
        if let checked = rows.compactMap(\.checkedMs).min() { summary += " · checked \(app.age(since: checked)) ago" }
        if !marked.isEmpty { summary += " · \(marked.count) selected" }
        summary += " · \(app.actions.key(.sync)) refresh"
        filter.render(into: &screen, rect: line, summary: summary)
        let visible = shown
        let empty = rows.isEmpty ? "no watched names — press \(app.actions.key(.acquireAdd)) to add some, or `dynafolio watch add NAME…`"
            : "no watched name matches the filter"
        let view = TableView(columns: Self.columns, rowCount: visible.count, state: table, emptyText: empty, marksSelection: true)
        visibleRows = max(1, view.visibleRows(in: body))
        let picked = marked, now = app.nowMs, unicode = app.unicode
        table = view.render(into: &screen, rect: body) { index in
            TableRow(Self.cells(visible[index], unicode: unicode, nowMs: now), isSelected: picked.contains(visible[index].name))
        }
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
