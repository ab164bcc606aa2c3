import PortfolioStore
import SyncEngine
import TerminalUI

/// A read-only table pane over cached data (Listings, Contacts, Orders):
/// the rows come from one store read per refresh.
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
    /// Your domains listed for sale.
    public static func listings() -> ListPane {
        ListPane(title: "Listings", columns: [
            TableColumn("Domain", minWidth: 14, flex: 1), TableColumn("Price", minWidth: 10, alignment: .right),
            TableColumn("Type", minWidth: 8), TableColumn("Min offer", minWidth: 9, alignment: .right),
        ], empty: "no domain is listed for sale (select some and press $)") { app in
            let query = (try? PortfolioQuery(parsing: "sale:yes")) ?? .all
            let rows = (try? app.store.rows(matching: query, limit: 5000)) ?? []
            return rows.map { row in
                [TableCell(DomainRowRenderer.displayName(row, unicode: app.unicode)),
                 TableCell(row.salePriceCents.map { "$" + Cents.format(cents: $0) } ?? "offers"),
                 TableCell(row.saleType ?? ""),
                 TableCell(row.saleMinOfferCents.map { "$" + Cents.format(cents: $0) } ?? "")]
            }
        }
    }

    /// WHOIS contacts of the account.
    public static func contacts() -> ListPane {
        ListPane(title: "Contacts", columns: [
            TableColumn("Id", minWidth: 6), TableColumn("Name", minWidth: 12, flex: 1), TableColumn("Organization", minWidth: 10, flex: 1),
            TableColumn("Email", minWidth: 14, flex: 1), TableColumn("Country", minWidth: 7),
        ], empty: "no contacts in the cache — press r to sync") { app in
            ((try? app.store.contacts()) ?? []).map { c in
                [TableCell(c.id), TableCell(c.name), TableCell(c.organization), TableCell(c.email), TableCell(c.country)]
            }
        }
    }

    /// Recent orders of the account.
    public static func orders() -> ListPane {
        ListPane(title: "Orders", columns: [
            TableColumn("Order", minWidth: 8), TableColumn("Submitted", minWidth: 10), TableColumn("Status", minWidth: 8),
            TableColumn("Total", minWidth: 9, alignment: .right), TableColumn("Items", minWidth: 10, flex: 1),
        ], empty: "no orders in the cache — press r to sync") { app in
            ((try? app.store.orders()) ?? []).map { o in
                [TableCell(o.id), TableCell(o.submittedMs.map(ValueDisplay.isoDate) ?? ""), TableCell(o.status),
                 TableCell(o.totalCostCents.map { "$" + Cents.format(cents: $0) } ?? ""),
                 TableCell(o.items.map { "\($0.itemType) \($0.domain)" }.joined(separator: ", "))]
            }
        }
    }
}
