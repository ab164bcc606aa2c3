import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Orders pane: cached orders (`order_list`, pulled by sync) with date,
/// items, cost and status; `/` filters by date range and status (in SQL),
/// `s` refreshes the cursor order's status (`get_order_status`) in the
/// background.
public final class OrdersPane: Pane {
    public let title = "Orders"
    public let scope = ActionScope.orders

    public private(set) var filter = OrderFilter()
    private var orders: [OrderRow] = []
    private var count = 0
    private var table = TableState()
    public var position: (index: Int, total: Int)? { Self.position(table.cursor, of: orders.count) }
    private var visibleRows = 20
    private var form: FormDialog?

    static let columns = [
        TableColumn("Date", minWidth: 10, maxWidth: 10), TableColumn("Order", minWidth: 8, maxWidth: 12),
        TableColumn("Items", minWidth: 20, flex: 3), TableColumn("Cost", minWidth: 9, alignment: .right),
        TableColumn("Status", minWidth: 9, maxWidth: 14),
    ]

    public init() {}

    public var capturesKeys: Bool { form != nil }

    /// The order under the cursor.
    public var cursorOrder: OrderRow? { table.cursor < orders.count ? orders[table.cursor] : nil }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        count = 0
        orders = []
        defer { table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: orders.count) }
        count = try app.store.orderCount(matching: filter)
        // Orders are few (a year of them is hundreds): read them whole.
        orders = try app.store.orders(matching: filter, limit: 5000)
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let (line, body) = rect.splitTop(1)
        screen.fill(line, style: Style(.input))
        let total = orders.reduce(Int64(0)) { $0 + ($1.totalCostCents ?? 0) }
        let text = " \(count) order\(count == 1 ? "" : "s") · \(Cents.dollars(total)) · \(Self.describe(filter))"
        screen.put(DisplayWidth.truncate(text, to: line.width), at: line.origin, style: Style(.input, accent: .dim))
        let view = TableView(columns: Self.columns, rowCount: orders.count, state: table,
                             emptyText: filter.isEmpty ? "no orders in the cache — press \(app.actions.key(.sync)) to sync" : "no order matches the filter (/ to change it)")
        visibleRows = max(1, view.visibleRows(in: body))
        let shown = orders
        table = view.render(into: &screen, rect: body) { index in
            let o = shown[index]
            let status = o.status.lowercased()
            let accent: Role? = status == "completed" ? .ok : ["problem", "cancelled", "deleted"].contains(status) ? .error : .pending
            return TableRow([TableCell(o.submittedMs.map(ValueDisplay.isoDate) ?? "—"), TableCell(o.id), TableCell(Self.items(o, unicode: app.unicode)),
                             TableCell(o.totalCostCents.map { Cents.dollars($0) } ?? ""),
                             TableCell(o.status.isEmpty ? "—" : o.status, accent: accent)])
        }
        if let form { form.render(into: &screen, area: rect) }
    }

    /// `Renewal alpha.com 1y`, or per type `Renewal ×3 a.com 1y, b.com 2y, …`
    /// (the provider's `Domain ` prefix dropped to leave room for names).
    /// Names follow ``DomainNameDisplay`` (Unicode under a UTF-8 locale).
    static func items(_ order: OrderRow, unicode: Bool) -> String {
        var types: [String] = []
        var byType: [String: [String]] = [:]
        for item in order.items {
            let type = item.itemType.hasPrefix("Domain ") ? String(item.itemType.dropFirst(7)) : item.itemType
            if byType[type] == nil { types.append(type) }
            var name = DomainNameDisplay.shown(item.domain, unicode: unicode)
            if let years = item.duration, years > 0 { name += name.isEmpty ? "\(years)y" : " \(years)y" }
            byType[type, default: []].append(name)
        }
        return types.map { type in
            let names = byType[type] ?? []
            return (names.count > 1 ? "\(type) ×\(names.count) " : "\(type) ") + names.filter { !$0.isEmpty }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// `all dates, any status` or `2026-10-01 … 2026-10-31, completed`.
    static func describe(_ filter: OrderFilter) -> String {
        let from = filter.fromMs.map(ValueDisplay.isoDate), to = filter.untilMs.map { ValueDisplay.isoDate($0 - 1) }
        let dates = from == nil && to == nil ? "all dates" : "\(from ?? "…") to \(to ?? "…")"
        return dates + ", " + (filter.status ?? "any status") + " · / filters"
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: orders.count, visibleRows: visibleRows)
        case .orderFilter:
            form = FormDialog(title: "Filter orders", summary: "Empty fields do not filter.", fields: [
                .init("From", value: filter.fromMs.map(ValueDisplay.isoDate) ?? "", hint: "YYYY-MM-DD"),
                .init("To", value: filter.untilMs.map { ValueDisplay.isoDate($0 - 1) } ?? "", hint: "YYYY-MM-DD, inclusive"),
                .init("Status", value: filter.status ?? "", hint: "e.g. completed, processing, problem"),
            ])
        case .orderStatus:
            guard let order = cursorOrder else {
                state.message = StatusMessage("no order under the cursor", isError: true)
                return .handled
            }
            state.request = .background(.orderStatus(order.id))
        default:
            return []
        }
        return .handled
    }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard form != nil else { return [] }
        guard var open = FormDialog.submission(of: &form, key: key, state: &state, cancelled: nil) else { return .handled }
        do {
            let from = try Self.day(open.value("From"))
            let to = try Self.day(open.value("To"))
            if let from, let to, to < from { throw SyncError.invalidEdit("the range ends before it starts") }
            filter = OrderFilter(fromMs: from, untilMs: to.map { $0 + 86_400_000 }, status: open.value("Status"))
            form = nil
            table = TableState()
            return [.handled, .reload]
        } catch {
            open.error = "\(error)"
            form = open
            return .handled
        }
    }

    /// Midnight UTC of `YYYY-MM-DD` in ms; nil when empty.
    static func day(_ text: String) throws -> Int64? {
        guard !text.isEmpty else { return nil }
        guard let day = UTCDate.parseDay(text) else {
            throw SyncError.invalidEdit("'\(text)' is not a date; write YYYY-MM-DD")
        }
        return day
    }
}
