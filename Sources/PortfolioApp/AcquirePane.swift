import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane: names you might register. `a` opens a line where you
/// type or paste names (one per line; each Enter adds, Esc ends and
/// searches); the table shows each name's availability and price from
/// `search` with the answer's age; `space` selects, `R` registers the
/// selected available names after a confirmation that shows each price and
/// the total against the balance (money: exactly those intents are pushed).
/// Its other views: the backorder list, the watchlist, the open auctions and
/// the expired closeouts (see `AcquirePane+Views.swift`).
public final class AcquirePane: Pane {
    /// Which list the pane shows.
    public enum View: Sendable, Hashable { case names, backorders, watchlist, auctions, closeouts }

    public let title = "Acquire"
    public let scope = ActionScope.acquire

    /// The names on the list (ASCII), in the order added.
    public private(set) var names: [String] = []
    /// Names marked with `space`.
    public private(set) var marked: Set<String> = []
    /// Years a registration is for (`Y` cycles 1…10).
    public private(set) var years = 1
    private var answers: [String: AvailabilityRow] = [:]
    private var table = TableState()
    /// The list shown (the names unless another view's key was pressed).
    public internal(set) var view = View.names
    /// The backorder list is shown instead of the names.
    public var showsBackorders: Bool { view == .backorders }
    var watchlist = AcquireWatchView()
    var auctions = AcquireAuctionsView()
    var closeouts = AcquireCloseoutsView()
    /// The open bid form and the auction (read fresh) it is for.
    var bidForm: (form: FormDialog, auction: Auction)?
    /// The open note line and the watched name it is for.
    var noteInput: (input: TextInput, name: String)?
    /// The open "add names" line adds to the watchlist (opened there).
    var addsToWatchlist = false
    private var backorders: [BackorderRow] = []
    private var backordersListedMs: Int64?
    private var backorderTable = TableState()
    private var visibleRows = 20
    /// The open "add names" line, when adding.
    var input: TextInput?
    /// Names typed since the line opened (searched when it closes).
    var added: [String] = []
    /// Lines refused since the line was last opened: shown under the
    /// table, so a pasted list loses nothing.
    public internal(set) var refused: [String] = []

    static let backorderColumns = [
        TableColumn("Backorder", minWidth: 18, maxWidth: 48, flex: 2), TableColumn("Status", minWidth: 9, maxWidth: 12),
        TableColumn("Cutoff", minWidth: 10, maxWidth: 10),
    ]

    static let columns = [
        TableColumn("Domain", minWidth: 18, maxWidth: 48, flex: 2), TableColumn("Status", minWidth: 9, maxWidth: 10),
        TableColumn("Price/yr", minWidth: 10, alignment: .right), TableColumn("Checked", minWidth: 7, maxWidth: 8, alignment: .right),
    ]

    public init() {}

    public var capturesKeys: Bool {
        input != nil || noteInput != nil || bidForm != nil || watchlist.filter.isOpen || auctions.filter.isOpen || closeouts.filter.isOpen
    }
    public var position: (index: Int, total: Int)? {
        switch view {
        case .names: Self.position(table.cursor, of: names.count)
        case .backorders: Self.position(backorderTable.cursor, of: backorders.count)
        case .watchlist: watchlist.position
        case .auctions: auctions.position
        case .closeouts: closeouts.position
        }
    }
    public var cursorDomain: String? {
        switch view {
        case .names: table.cursor < names.count ? names[table.cursor] : nil
        case .backorders: backorderTable.cursor < backorders.count ? backorders[backorderTable.cursor].domain : nil
        case .watchlist: watchlist.cursorRow?.name
        case .auctions: auctions.cursorRow?.domain
        case .closeouts: closeouts.cursorRow?.domain
        }
    }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        answers = Dictionary(try app.store.availability(of: names).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: names.count)
        (backorders, backordersListedMs) = try app.store.backorders()
        backorderTable = backorderTable.keepingCursorVisible(visibleRows: visibleRows, rowCount: backorders.count)
        try watchlist.refresh(app)
        try auctions.refresh(app)
        try closeouts.refresh(app)
    }

    /// The names a registration takes: the marked ones that can be
    /// registered, else the cursor's when it can.
    func registrable(_ candidates: [String]) -> [AvailabilityRow] {
        candidates.compactMap { answers[$0] }.filter { $0.registrable && $0.priceCents != nil }
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        switch view {
        case .names: break
        case .backorders:
            renderBackorders(into: &screen, rect: rect, app: app)
            return
        case .watchlist, .auctions, .closeouts:
            renderView(into: &screen, rect: rect, app: app)
            return
        }
        let (line, rest) = rect.splitTop(1)
        let free = names.filter { answers[$0]?.registrable == true }.count
        var summary = " Acquire · \(NumberText.count(names.count, "name")) · \(free) available · \(years) year\(years == 1 ? "" : "s")"
        if !marked.isEmpty { summary += " · \(marked.count) selected" }
        summary += " · \(app.actions.key(.acquireAdd)) add names"
        screen.fill(line, style: Style(.input))
        screen.put(DisplayWidth.truncate(summary, to: line.width), at: line.origin, style: Style(.input, accent: .dim))
        var body = rest
        var inputRect: Rect?
        if input != nil {
            let split = body.splitBottom(1)
            body = split.0
            inputRect = split.1
        }
        if !refused.isEmpty {
            let split = body.splitBottom(1)
            body = split.0
            let text = " skipped, not domain names: \(refused.joined(separator: ", ")) — add them again corrected"
            screen.put(DisplayWidth.truncate(text, to: split.1.width), at: split.1.origin, style: Style(.plain, accent: .error))
        }
        let view = TableView(columns: Self.columns, rowCount: names.count, state: table,
                             emptyText: "no names yet — press \(app.actions.key(.acquireAdd)), then type or paste names, one per line",
                             marksSelection: true)
        visibleRows = max(1, view.visibleRows(in: body))
        let shown = names, known = answers, picked = marked, now = app.nowMs
        table = view.render(into: &screen, rect: body) { index in
            let name = shown[index]
            return TableRow(Self.cells(name, known[name], unicode: app.unicode, nowMs: now), isSelected: picked.contains(name))
        }
        if let input, let inputRect {
            input.render(into: &screen, rect: inputRect, prompt: "name (Enter adds, Esc searches): ")
        }
    }

    private func renderBackorders(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let (line, body) = rect.splitTop(1)
        var summary = " Backorders · \(NumberText.count(backorders.count, "request"))"
        summary += backordersListedMs.map { " · listed \(app.age(since: $0)) ago" } ?? ""
        summary += " · \(app.actions.key(.acquireBackorderList)) names · \(app.actions.key(.sync)) fetch"
        screen.fill(line, style: Style(.input))
        screen.put(DisplayWidth.truncate(summary, to: line.width), at: line.origin, style: Style(.input, accent: .dim))
        let view = TableView(columns: Self.backorderColumns, rowCount: backorders.count, state: backorderTable,
                             emptyText: "no backorder requests — on the names list, select taken names and press \(app.actions.key(.acquireBackorder))")
        visibleRows = max(1, view.visibleRows(in: body))
        let shown = backorders
        backorderTable = view.render(into: &screen, rect: body) { index in
            let row = shown[index]
            let status = TerminalText.escaped(row.status)
            let accent: Role? = status.lowercased() == "caught" ? .ok : status.lowercased() == "active" ? .pending : .dim
            return TableRow([TableCell(TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: app.unicode))),
                             TableCell(status, accent: accent), TableCell(row.cutoffMs.map(ValueDisplay.isoDate) ?? "—")])
        }
    }

    /// Name, status, price and the answer's age.
    static func cells(_ name: String, _ answer: AvailabilityRow?, unicode: Bool, nowMs: Int64) -> [TableCell] {
        let shown = TerminalText.escaped(DomainNameDisplay.shown(name, unicode: unicode))
        guard let answer else {
            return [TableCell(shown), TableCell("not asked", accent: .dim), TableCell(""), TableCell("")]
        }
        let accent: Role? = switch answer.status {
        case .available: .ok
        case .premium: .pending
        case .taken, .yours: .dim
        }
        return [TableCell(shown), TableCell(answer.status.rawValue, accent: accent),
                TableCell(answer.priceCents.map { Cents.dollars($0) } ?? ""),
                TableCell(ValueDisplay.age(sinceMs: answer.checkedAtMs, nowMs: nowMs))]
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        if let flags = performInView(action, app: app, state: &state) { return flags }
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            if showsBackorders {
                backorderTable.move(action, rowCount: backorders.count, visibleRows: visibleRows)
            } else {
                table.move(action, rowCount: names.count, visibleRows: visibleRows)
            }
        case .acquireBackorderList, .acquireWatchlist, .acquireAuctions, .acquireCloseouts:
            switchView(action, app: app, state: &state)
        case .sync where showsBackorders:
            state.request = .background(.backorderList)
        case .sync:
            return []
        case .acquireRemove where showsBackorders:
            confirmBackorderRemoval(app: app, &state)
        case .acquireBackorder:
            confirmBackorders(app: app, &state)
        case let other where showsBackorders && [.acquireAdd, .acquireSelect, .acquireYears, .acquireSearch, .acquireRegister].contains(other):
            state.message = StatusMessage("this works on the names list — press \(app.actions.key(.acquireBackorderList)) to show it", isError: true)
        case .acquireAdd:
            input = TextInput()
            added = []
            refused = []
            addsToWatchlist = false
        case .acquireSelect:
            guard let name = cursorDomain else { return .handled }
            if marked.remove(name) == nil { marked.insert(name) }
            table.moveCursor(by: 1, rowCount: names.count)
        case .acquireRemove:
            let gone = marked.isEmpty ? Set(cursorDomain.map { [$0] } ?? []) : marked
            names.removeAll { gone.contains($0) }
            marked.subtract(gone)
            table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: names.count)
        case .acquireYears:
            years = years % 10 + 1
        case .acquireSearch:
            guard !names.isEmpty else {
                state.message = StatusMessage("no names to search — press \(app.actions.key(.acquireAdd)) to add some", isError: true)
                return .handled
            }
            state.request = .background(.acquireSearch(names))
        case .acquireRegister:
            confirmRegistration(app: app, &state)
        default:
            return []
        }
        return .handled
    }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        if let flags = handleInView(key: key, app: app, state: &state) { return flags }
        guard var open = input else { return [] }
        switch open.handle(key) {
        case .submitted:
            do {
                let typed = try SyncEngine.acquireNames([open.text])
                if addsToWatchlist {
                    try app.engine.watch(typed, note: nil)
                    added += typed
                } else {
                    let new = typed.filter { !names.contains($0) }
                    names += new
                    added += new
                }
            } catch {
                // A pasted list goes on with its next line: the refused
                // lines are named in the message (nothing is lost) and
                // stay there until the line closes.
                refused.append(TerminalText.escaped(open.text))
                state.message = StatusMessage(error: error)
            }
            input = TextInput()
        case .cancelled:
            input = nil
            if addsToWatchlist {
                if !added.isEmpty { state.message = StatusMessage("watching \(added.count) more name\(added.count == 1 ? "" : "s") — press \(app.actions.key(.sync)) to refresh the watchlist") }
                added = []
                return [.handled, .reload]
            }
            // Answers younger than ten minutes are shown as cached (with
            // their age); `s` asks again for the whole list.
            let ask = added.filter { name in answers[name].map { app.nowMs - $0.checkedAtMs > 600_000 } ?? true }
            added = []
            if !ask.isEmpty {
                if app.hasAccount {
                    state.request = .background(.acquireSearch(ask))
                } else {
                    state.message = StatusMessage(AppState.needsKey("searching"), isError: true)
                }
            }
            return [.handled, .reload]
        case .changed, .moved, .ignored:
            input = open
        }
        return [.handled, .reload]
    }

    private func confirmRegistration(app: AppEnvironment, _ state: inout AppState) {
        let candidates = marked.isEmpty ? (cursorDomain.map { [$0] } ?? []) : names.filter(marked.contains)
        let rows = registrable(candidates)
        guard !rows.isEmpty else {
            state.message = StatusMessage(candidates.isEmpty ? "no names — press \(app.actions.key(.acquireAdd)) to add some"
                                          : "nothing available to register among \(candidates.count) name\(candidates.count == 1 ? "" : "s") — search again with \(app.actions.key(.acquireSearch))",
                                          isError: true)
            return
        }
        let count = Int64(years)
        let total = rows.reduce(Int64(0)) { $0 + ($1.priceCents ?? 0) * count }
        var lines: [[Span]] = [[Span(MoneyText.balanceLine(spending: total, balanceCents: state.balanceCents, when: "after registering"))],
                               [Span("  Searched again before paying: a higher price is held, not paid.")]]
        for row in rows {
            let shown = TerminalText.escaped(DomainNameDisplay.shown(row.name, unicode: app.unicode))
            let each = (row.priceCents ?? 0) * count
            lines.append([Span("  \(shown)\(row.status == .premium ? " (premium)" : "")  "),
                          Span(Cents.dollars(each), style: Style(.dialog, accent: .pending))])
        }
        let skipped = candidates.count - rows.count
        let summary = "Register \(NumberText.count(rows.count, "domain")) for \(years) year\(years == 1 ? "" : "s"): \(Cents.dollars(total))"
            + (skipped > 0 ? " (\(skipped) not available skipped)" : "")
        let dialog = ConfirmDialog(title: "Register (spends money)", summary: summary, lines: lines, isDangerous: true,
                                   confirmLabel: "Register")
        let names = rows.map(\.name), years = self.years
        state.request = .confirm(dialog) { [weak self] host in
            self?.register(names, years: years, totalCents: total, host)
        }
    }

    private func confirmBackorders(app: AppEnvironment, _ state: inout AppState) {
        let candidates = showsBackorders ? [] : (marked.isEmpty ? (cursorDomain.map { [$0] } ?? []) : names.filter(marked.contains))
        let taken = candidates.filter { answers[$0]?.status == .taken }
        guard !taken.isEmpty else {
            state.message = StatusMessage("select names searched as taken on the names list, then press \(app.actions.key(.acquireBackorder))", isError: true)
            return
        }
        var total: Int64 = 0
        var lines: [[Span]] = []
        for name in taken {
            let tld = name.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            guard let price = (try? app.store.tldPrice(tld)).flatMap({ $0?.registerCents }) else {
                state.message = StatusMessage("no cached registration price for .\(tld) — press \(app.actions.key(.sync)) to sync first", isError: true)
                return
            }
            total += price
            lines.append([Span("  \(TerminalText.escaped(DomainNameDisplay.shown(name, unicode: app.unicode)))  "),
                          Span(Cents.dollars(price), style: Style(.dialog, accent: .pending))])
        }
        lines.insert([Span(MoneyText.balanceLine(spending: total, balanceCents: state.balanceCents, when: "if every one is caught"))], at: 0)
        lines.insert([Span("  You pay a name's price only if Dynadot catches it.")], at: 1)
        let dialog = ConfirmDialog(title: "Backorder (spends money if caught)",
                                   summary: "Backorder \(NumberText.count(taken.count, "domain")): up to \(Cents.dollars(total))",
                                   lines: lines, isDangerous: true, confirmLabel: "Backorder")
        state.request = .confirm(dialog) { [weak self] host in
            do {
                let queued = try host.environment.engine.queueBackorders(taken, add: true, origin: .tui, maxCostCents: total)
                self?.marked.subtract(taken)
                host.start(.pushConfirmed(intentIDs: queued.intentIDs, totalCents: total, doing: "backordering", done: "backordered"))
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }

    private func confirmBackorderRemoval(app: AppEnvironment, _ state: inout AppState) {
        guard let name = cursorDomain, backorders.first(where: { $0.domain == name })?.status.lowercased() == "active" else {
            state.message = StatusMessage("put the cursor on an active backorder to take it off the list", isError: true)
            return
        }
        let shown = TerminalText.escaped(DomainNameDisplay.shown(name, unicode: app.unicode))
        let dialog = ConfirmDialog(title: "Remove backorder", summary: "Take \(shown) off the backorder list?", confirmLabel: "Remove")
        state.request = .confirm(dialog) { host in
            do {
                let queued = try host.environment.engine.queueBackorders([name], add: false, origin: .tui)
                host.start(.pushConfirmed(intentIDs: queued.intentIDs, totalCents: 0, doing: "removing", done: "removed the backorder of"))
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }

    /// Queues the confirmed registrations (approved up to the total shown)
    /// and pushes exactly those intents in the background.
    private func register(_ names: [String], years: Int, totalCents: Int64, _ host: any PaneHost) {
        do {
            let queued = try host.environment.engine.queueRegistrations(names, years: years, origin: .tui, maxCostCents: totalCents)
            marked.subtract(names)
            host.start(.pushConfirmed(intentIDs: queued.intentIDs, totalCents: totalCents, doing: "registering", done: "registered"))
        } catch {
            host.state.message = StatusMessage(error: error)
        }
        host.refreshAll()
    }
}
