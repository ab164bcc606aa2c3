import PortfolioStore
import SyncEngine
import TerminalUI

/// A read-only table pane over cached data (Expiries): the rows come from
/// one store read per refresh.
public final class ListPane: Pane {
    public let title: String
    public let scope = ActionScope.global
    private let columns: [TableColumn]
    private let empty: String
    private let load: @Sendable (AppEnvironment) -> [[TableCell]]
    private var rows: [[TableCell]] = []
    private var table = TableState()
    private var visibleRows = 20

    public init(title: String, columns: [TableColumn], empty: String, load: @escaping @Sendable (AppEnvironment) -> [[TableCell]]) {
        self.title = title
        self.columns = columns
        self.empty = empty
        self.load = load
    }

    public func refresh(_ app: AppEnvironment, state: AppState) {
        rows = load(app)
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: rows.count)
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let view = TableView(columns: columns, rowCount: rows.count, state: table, emptyText: empty)
        visibleRows = max(1, view.visibleRows(in: rect))
        table = view.render(into: &screen, rect: rect) { TableRow(rows[$0]) }
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down: table.moveCursor(by: 1, rowCount: rows.count)
        case .up: table.moveCursor(by: -1, rowCount: rows.count)
        case .top: table.moveCursor(to: 0, rowCount: rows.count)
        case .bottom: table.moveCursor(to: rows.count - 1, rowCount: rows.count)
        case .pageDown: table.page(by: 1, visibleRows: visibleRows, rowCount: rows.count)
        case .pageUp: table.page(by: -1, visibleRows: visibleRows, rowCount: rows.count)
        default: return []
        }
        return .handled
    }
}

extension ListPane {
    /// Domains expiring per month, with the renewal cost from cached prices.
    public static func expiries() -> ListPane {
        ListPane(title: "Expiries", columns: [
            TableColumn("Month", minWidth: 8), TableColumn("Domains", minWidth: 7, alignment: .right),
            TableColumn("Auto-renew", minWidth: 10, alignment: .right), TableColumn("Renewal cost", minWidth: 12, alignment: .right),
            TableColumn("", minWidth: 10, flex: 1),
        ], empty: "no expiry dates in the cache") { app in
            let buckets = (try? app.store.expiryBuckets()) ?? []
            let most = max(1, buckets.map(\.count).max() ?? 1)
            return buckets.map { b in
                [TableCell(b.label), TableCell("\(b.count)"), TableCell("\(b.autoRenewCount)"),
                 TableCell("$" + Cents.format(cents: b.renewalCents) + (b.unpricedCount > 0 ? " +\(b.unpricedCount)?" : "")),
                 TableCell(String(repeating: "█", count: max(1, b.count * 30 / most)), accent: .chartBar)]
            }
        }
    }
}
