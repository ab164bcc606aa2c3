import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Expiries pane: overdue and in-grace domains, then the next 24 months
/// and later, each with its domain count and one-year renewal cost at cached
/// TLD prices (all domains, and those set to auto-renew), drawn as a bar
/// chart with totals. Space selects a month's domains (the app-wide
/// selection), Enter shows them in the Domains pane, `+` and `a` queue
/// renewals or renew-option changes through the engine.
public final class ExpiriesPane: Pane {
    public let title = "Expiries"
    public let scope = ActionScope.expiries

    private(set) var rows: [ExpiryRow] = []
    /// Selected domains per row label (for the partial / full marks).
    private var selectedCounts: [String: Int] = [:]
    private var table = TableState()
    private var visibleRows = 20
    private var loadError: String?
    /// In the All-accounts view: each row's domain count per account
    /// (`alpha 3 · beta 5`), read from each account's own cache.
    private var byAccount: [String: String] = [:]

    public init() {}

    /// The label of the cursor row (`2027-01`, `Overdue`, `Total`).
    public var cursorLabel: String? { table.cursor < rows.count ? rows[table.cursor].label : nil }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        do {
            rows = try ExpiryTimeline.rows(app.store, nowMs: app.nowMs)
            loadError = nil
            byAccount = [:]
            if let all = app.allAccounts {
                var parts: [String: [String]] = [:]
                for member in all.members {
                    for row in try ExpiryTimeline.rows(member.engine.store, nowMs: app.nowMs) where row.count > 0 {
                        parts[row.label, default: []].append("\(member.name) \(NumberText.grouped(row.count))")
                    }
                }
                byAccount = parts.mapValues { $0.joined(separator: " · ") }
            }
        } catch {
            rows = []
            loadError = "\(error)"
        }
        selectedCounts = [:]
        if !state.selection.isEmpty {
            let selected = try app.store.domains(named: Array(state.selection.names(in: app.store)))
            for row in selected {
                guard let expires = row.expiresMs, let label = Self.rowLabel(expiresMs: expires, nowMs: app.nowMs, rows: rows) else { continue }
                selectedCounts[label, default: 0] += 1
            }
        }
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: rows.count)
    }

    /// Which row a domain expiring at `expiresMs` is counted in.
    static func rowLabel(expiresMs: Int64, nowMs: Int64, rows: [ExpiryRow]) -> String? {
        if expiresMs < nowMs {
            let graceStart = UTCDate.startOfDay(nowMs - Int64(ExpiryTimeline.graceDays) * UTCDate.msPerDay)
            return expiresMs < graceStart ? "Overdue" : "In grace"
        }
        let (year, month) = ExpiryTimeline.yearMonth(expiresMs)
        let label = ExpiryTimeline.monthLabel(year, month)
        return rows.contains { $0.label == label } ? label : "Later"
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let (summaryLine, body) = rect.splitTop(1)
        renderSummary(into: &screen, rect: summaryLine)
        // The All-accounts view splits each row's count by account.
        let accountWidth = app.allAccounts == nil ? 0 : min(max(8, (byAccount.values.map { DisplayWidth.of($0) }.max() ?? 0)), max(8, body.width / 3))
        let fixed = [1, 8, 7, 11, 5, 11] + (accountWidth > 0 ? [accountWidth] : [])
        let barWidth = max(4, min(64, body.width - fixed.reduce(0, +) - fixed.count - 1))
        let accountColumn = accountWidth > 0 ? [TableColumn("Accounts", minWidth: 8, maxWidth: accountWidth)] : []
        let columns = [
            TableColumn("", minWidth: 1, maxWidth: 1), TableColumn("Month", minWidth: 8, maxWidth: 8),
            TableColumn("Domains", minWidth: 7, maxWidth: 7, alignment: .right)] + accountColumn + [
            TableColumn("Renewal", minWidth: 11, maxWidth: 11, alignment: .right),
            TableColumn("Auto", minWidth: 5, maxWidth: 5, alignment: .right),
            TableColumn("Auto cost", minWidth: 11, maxWidth: 11, alignment: .right),
            TableColumn("█ auto-renew ░ other", minWidth: 4, maxWidth: barWidth, flex: 1),
        ]
        let view = TableView(columns: columns, rowCount: rows.count, state: table,
                             emptyText: loadError ?? "no expiry dates in the cache — press \(app.actions.key(.sync)) to sync")
        visibleRows = max(1, view.visibleRows(in: body))
        // "Later" spans many months: it does not set the scale, and its bar is clipped.
        let most = max(1, rows.filter { $0.kind != .total && $0.kind != .later }.map(\.count).max() ?? 1)
        table = view.render(into: &screen, rect: body) { index in
            let row = rows[index]
            let selected = selectedCounts[row.label] ?? 0
            let full = row.kind != .total && row.count > 0 && selected >= row.count
            let mark = row.kind == .total ? "" : full ? TableView.selectionMarker : selected > 0 ? "◦" : ""
            let accent = Self.accent(row, index: index)
            let accounts = accountWidth > 0 ? [TableCell(byAccount[row.label] ?? "", accent: .dim)] : []
            return TableRow([
                TableCell(mark), TableCell(row.label, accent: accent), TableCell("\(row.count)", accent: accent)] + accounts + [
                TableCell(Self.money(row.costCents, unpriced: row.unpriced)), TableCell("\(row.autoCount)"),
                TableCell(Self.money(row.autoCostCents, unpriced: row.autoUnpriced)),
                TableCell(row.kind == .total ? "" : Self.bar(row, most: most, width: barWidth), accent: .chartBar),
            ], isSelected: full, role: row.kind == .total ? .header : nil)
        }
    }

    private func renderSummary(into screen: inout Screen, rect: Rect) {
        screen.fill(rect, style: Style(.row))
        guard !rows.isEmpty else { return }
        var months = ExpiryRow(kind: .total, label: "", filter: nil)
        for row in rows { if case .month = row.kind { months.add(row) } }
        let expired = rows.filter(\.isExpired).reduce(0) { $0 + $1.count }
        var spans = [Span(" ")]
        if expired > 0 {
            spans.append(Span("\(expired) expired", style: Style(.row, accent: .expiryOverdue)))
            spans.append(Span(" · "))
        }
        // Shorter words before anything is cut; the auto-renew part goes
        // last, whole.
        let total = "\(NumberText.count(months.count, "domain")) \(Self.money(months.costCents, unpriced: months.unpriced))"
        let auto = "\(NumberText.grouped(months.autoCount)) \(Self.money(months.autoCostCents, unpriced: months.autoUnpriced))"
        let used = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        spans += Self.summaryWords(total: total, auto: auto, room: rect.width - used).map { Span($0) }
        let legend = " · +N?: N without a cached price"
        if rows.contains(where: { $0.unpriced > 0 }), spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) + DisplayWidth.of(legend) <= rect.width {
            spans.append(Span(legend, style: Style(.row, accent: .dim)))
        }
        screen.put(spans, at: rect.origin, base: Style(.row), maxWidth: rect.width)
    }

    /// The summary's totals in the first wording that fits `room` columns:
    /// shorter words first, then without the auto-renew part (never a sum
    /// cut short).
    static func summaryWords(total: String, auto: String, room: Int) -> [String] {
        let choices = [
            ["next \(ExpiryTimeline.months) months: \(total)", " · auto-renew \(auto)"],
            ["\(ExpiryTimeline.months) months: \(total)", " · auto \(auto)"],
            ["\(ExpiryTimeline.months) months: \(total)"],
        ]
        return choices.first { $0.reduce(0) { $0 + DisplayWidth.of($1) } <= room } ?? choices[choices.count - 1]
    }

    /// `$21.98`, `$21.98 +2?` (two more without a cached price), or
    /// `no price` when none of them has one.
    static func money(_ cents: Int64, unpriced: Int) -> String {
        if cents == 0 && unpriced > 0 { return "no price" }
        return Cents.dollars(cents) + (unpriced > 0 ? " +\(unpriced)?" : "")
    }

    /// Overdue and grace rows in the overdue role; the month now and the
    /// next two in the 30- and 90-day roles.
    static func accent(_ row: ExpiryRow, index: Int) -> Role? {
        switch row.kind {
        case .overdue, .grace: return row.count > 0 ? .expiryOverdue : .dim
        case .month:
            if row.count == 0 { return .dim }
            return index == 2 ? .expiry30d : index <= 4 ? .expiry90d : nil
        case .later, .total: return nil
        }
    }

    /// `█` for the auto-renew share of the count, `░` for the rest, scaled
    /// so the largest row fills `width`.
    static func bar(_ row: ExpiryRow, most: Int, width: Int) -> String {
        guard row.count > 0 else { return "" }
        let length = min(width, max(1, (row.count * width + most / 2) / most))
        let auto = min(length, (row.autoCount * width + most / 2) / most)
        return String(repeating: "█", count: auto) + String(repeating: "░", count: length - auto)
    }

    // MARK: Keys

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: rows.count, visibleRows: visibleRows)
        case .selectMonth:
            guard let row = cursorRow(&state) else { return .handled }
            guard let found = domainNames(row, app: app, &state) else { return .handled }
            let names = Set(found)
            do {
                let selected = try state.selection.names(in: app.store)
                if !names.isEmpty, names.isSubset(of: selected) {
                    state.setSelection(Selection(selected.subtracting(names)))
                } else {
                    state.setSelection(Selection(selected.union(names)))
                }
            } catch {
                state.message = StatusMessage(error: error)
                return .handled
            }
            table.moveCursor(by: 1, rowCount: rows.count)
            return [.handled, .reload]
        case .openMonth:
            guard let row = cursorRow(&state), let filter = row.filter else { return .handled }
            state.request = .showDomains(filter: filter)
        case .renewMonths, .renewOptionMonths:
            if state.selection.isEmpty {
                guard let row = cursorRow(&state) else { return .handled }
                guard let names = domainNames(row, app: app, &state) else { return .handled }
                guard !names.isEmpty else {
                    state.message = StatusMessage("no domain expires in \(row.label)", isError: true)
                    return .handled
                }
                state.setSelection(Selection(Set(names)))
            }
            state.request = .commandLine(action == .renewMonths ? "renew 1" : "set renew ")
            return [.handled, .reload]
        case .clearMonths:
            state.setSelection([])
            return [.handled, .reload]
        default:
            return []
        }
        return .handled
    }

    /// The cursor row when it stands for a set of domains (not the total).
    private func cursorRow(_ state: inout AppState) -> ExpiryRow? {
        guard table.cursor < rows.count, rows[table.cursor].filter != nil else {
            state.message = StatusMessage("put the cursor on a month (the total is not a group of its own)", isError: true)
            return nil
        }
        return rows[table.cursor]
    }

    /// The domains of a month; nil (the cause on the message line) when the
    /// cache cannot be read.
    private func domainNames(_ row: ExpiryRow, app: AppEnvironment, _ state: inout AppState) -> [String]? {
        // The filter is one this pane wrote (`exp:2026-12`): it always parses.
        guard let filter = row.filter, let query = try? PortfolioQuery(parsing: filter) else { return [] }
        do {
            return try app.store.names(matching: query)
        } catch {
            state.message = StatusMessage(error: error)
            return nil
        }
    }
}
