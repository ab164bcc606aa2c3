import SyncEngine
import TerminalUI

/// A cached list shown as a table behind a live name filter (`/`): its
/// rows and when they were fetched, the filter line, the table with its
/// cursor, and the names marked with `space`. The Acquire pane's
/// watchlist, open auctions and closeouts are each one; what differs is
/// how they are read, their header and their cells.
struct CachedListView<Row> {
    private(set) var rows: [Row] = []
    /// When the list was fetched (nil: never, or a list without one age).
    private(set) var fetchedMs: Int64?
    private(set) var filter = NameFilterLine()
    private(set) var table = TableState()
    /// Names marked with `space`.
    var marked: Set<String> = []
    private var visibleRows = 20
    /// The time the list was last read or drawn at: rows no longer
    /// current by then drop out.
    private var nowMs: Int64 = 0
    /// The domain name of a row: what the filter matches and marks hold.
    private let name: (Row) -> String
    /// Whether a row is still shown at a time (an ended auction is not).
    private let isCurrent: (Row, _ nowMs: Int64) -> Bool

    init(name: @escaping (Row) -> String, isCurrent: @escaping (Row, _ nowMs: Int64) -> Bool = { _, _ in true }) {
        self.name = name
        self.isCurrent = isCurrent
    }

    /// The current rows the filter lets through.
    var shown: [Row] {
        let matcher = filter.filter, now = nowMs
        return rows.filter { isCurrent($0, now) && matcher.matches(name($0)) }
    }

    var cursorRow: Row? {
        let visible = shown
        return table.cursor < visible.count ? visible[table.cursor] : nil
    }

    var position: (index: Int, total: Int) { AcquirePane.position(table.cursor, of: shown.count) }

    /// The names an action takes: the marked ones, else the cursor's.
    var targets: [String] { marked.isEmpty ? (cursorRow.map { [name($0)] } ?? []) : rows.map(name).filter(marked.contains) }

    /// Whether the list is missing or older than a watchlist refresh allows.
    func isStale(nowMs: Int64) -> Bool { fetchedMs.map { nowMs - $0 > SyncEngine.watchListsMaxAgeMs } ?? true }

    /// Takes the list as just read from the cache at `nowMs`; marks of
    /// names no longer on it go.
    mutating func load(_ rows: [Row], fetchedMs: Int64?, nowMs: Int64) {
        self.rows = rows
        self.fetchedMs = fetchedMs
        self.nowMs = nowMs
        marked.formIntersection(rows.map(name))
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: shown.count)
    }

    mutating func move(_ action: Action) { table.move(action, rowCount: shown.count, visibleRows: visibleRows) }

    /// Marks or unmarks the cursor's name and steps down.
    mutating func toggleMark() {
        guard let row = cursorRow else { return }
        let key = name(row)
        if marked.remove(key) == nil { marked.insert(key) }
        move(.down)
    }

    mutating func openFilter() { filter.open() }

    /// Feeds a key to the filter line; true when it was open.
    mutating func handleFilter(_ key: KeyEvent) -> Bool {
        guard filter.isOpen else { return false }
        if filter.handle(key) { table = TableState() }
        return true
    }

    /// Draws the header line (the open filter line, else `summary` of the
    /// rows shown at `nowMs`) and the table of those rows.
    mutating func render(into screen: inout Screen, rect: Rect, nowMs: Int64, columns: [TableColumn], emptyText: String,
                         marksSelection: Bool = false, summary: (_ shown: [Row]) -> String, cells: (Row) -> [TableCell]) {
        let (line, body) = rect.splitTop(1)
        self.nowMs = nowMs
        let visible = shown
        filter.render(into: &screen, rect: line, summary: summary(visible))
        let view = TableView(columns: columns, rowCount: visible.count, state: table, emptyText: emptyText, marksSelection: marksSelection)
        visibleRows = max(1, view.visibleRows(in: body))
        let picked = marked, nameOf = name
        table = view.render(into: &screen, rect: body) { index in
            TableRow(cells(visible[index]), isSelected: picked.contains(nameOf(visible[index])))
        }
    }
}
