import PortfolioStore
import SyncEngine
import TerminalUI

/// The Domains pane: the filtered, sorted table (only the visible window is
/// read from the store), the filter line, selection, and a detail panel.
public final class DomainsPane: Pane {
    public let title = "Domains"
    public let scope = ActionScope.domains

    /// The filter text in force and its parse.
    public private(set) var queryText = ""
    /// What the reads use: the typed query, its `selected:` terms answered
    /// by the selection at the last refresh.
    private var query = PortfolioQuery.all
    /// The query as typed.
    private var typedQuery = PortfolioQuery.all
    private(set) var queryError: QueryError?
    /// The filter line while it is open.
    private var filterInput: TextInput?
    public private(set) var sort = DomainSort.byName
    public private(set) var table = TableState()
    public private(set) var count = 0
    /// `nil`: shown when wide, hidden when narrow; Enter sets it.
    private var detailShown: Bool?
    /// Rows last drawn, with their pending intents, for the cursor and detail.
    private var window: [DomainRow] = []
    private var windowOffset = 0
    private var pending: [String: [PendingField]] = [:]
    /// The cursor domain's last recorded changes (the detail panel's), read
    /// when the cursor lands on another domain and after every refresh.
    private var recentChanges: (name: String, changes: [HistoryChange])?
    /// Table rows visible in the last frame (for paging).
    private var visibleRows = 20
    /// The row `V` extends from.
    private var anchor: String?
    private var lastCursorName: String?
    /// The cached contacts by id, for the detail panel (read on refresh).
    private var contacts: [String: ContactRow] = [:]
    /// Why the cache could not be read, shown in place of the rows.
    private var readError: String?
    /// Listed rows drawn without a cached price, and those already asked
    /// for this session: their prices are fetched once, in the background,
    /// as the Listings pane does (``automaticJob(_:)``).
    private var unpricedOnScreen: [String] = []
    private var priceRequested: Set<String> = []

    /// The saved views of this session: `[views]` and those `:save-view` added.
    var sessionViews: [String: SavedView]?
    /// The view applied or saved last, with the sort it set.
    var appliedView: (name: String, view: SavedView, sort: DomainSort)?

    public init() {}

    /// On a terminal narrower than 120 columns the detail panel is a
    /// full-screen overlay (scrolled with j/k, closed with Esc or Enter).
    private var detailIsOverlay: Bool { detailShown == true && lastWidth < 120 }
    /// The overlay's first line shown.
    private var detailScroll = 0

    public var capturesKeys: Bool { filterInput != nil || detailIsOverlay || chooser != nil }

    /// The optional columns by `[columns]` id, with their index in
    /// ``DomainRowRenderer/columns`` (the marker and the name always show).
    public static let choosableColumns: [(id: String, index: Int)] = [
        ("expires", 2), ("ns", 3), ("renew", 4), ("lock", 5), ("privacy", 6), ("folder", 7), ("sale", 8), ("note", 9),
    ]
    /// Ids of the columns switched off; read from the settings on first use.
    private var hiddenColumns: Set<String>?
    /// The column chooser while it is open.
    private var chooser: ColumnChooser?

    public var position: (index: Int, total: Int)? { Self.position(table.cursor, of: count) }

    public var cursorDomain: String? {
        let index = table.cursor - windowOffset
        return index >= 0 && index < window.count ? window[index].name : lastCursorName
    }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        recentChanges = nil
        window = []
        readError = nil
        do {
            if typedQuery.mentionsSelection {
                query = typedQuery.resolvingSelection(try state.selection.names(in: app.store))
            }
            count = try app.store.count(matching: query)
            // Keep the cursor on the same domain when it still matches; a
            // cursor on the first row stays on the first row (rows landing
            // during a first sync do not push it down the list).
            if table.cursor > 0, let name = lastCursorName,
               let index = try app.store.index(of: name, matching: query, sort: sort) {
                table.cursor = index
            }
            table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: count)
            contacts = Dictionary(try app.store.contacts().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        } catch {
            count = 0
            readError = StatusMessage(error: error).text
            throw error
        }
    }

    // MARK: Drawing

    /// The prices of the listed rows on screen that are not cached yet.
    func automaticJob(_ app: AppEnvironment) -> BackgroundJob? {
        let names = unpricedOnScreen.filter { !priceRequested.contains($0) }
        unpricedOnScreen = []
        guard !names.isEmpty else { return nil }
        priceRequested.formUnion(names)
        return .quietListingPrices(names)
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        var body = rect
        if filterInput != nil || !queryText.isEmpty || activeViewName != nil {
            let (line, rest) = body.splitTop(1)
            body = rest
            renderFilterLine(into: &screen, rect: line)
        }
        let wide = body.width >= 120
        var detailRect: Rect?
        if wide, detailShown ?? true {
            let split = body.splitRight(min(56, body.width / 3))
            body = split.rest.splitRight(1).rest
            detailRect = split.right
        } else if !wide, detailShown == true {
            detailRect = body
        }
        let hidden = hiddenColumns(app)
        let shownIndexes = DomainRowRenderer.columns.indices.filter { index in
            !Self.choosableColumns.contains { $0.index == index && hidden.contains($0.id) }
        }
        let allColumns = DomainRowRenderer.columns(sortedBy: sort)
        // The All-accounts view names each row's account first.
        let all = app.allAccounts
        let accountColumn = all.map { view in
            [TableColumn("Account", minWidth: 7, maxWidth: max(7, view.members.map { DisplayWidth.of($0.name) }.max() ?? 0), priority: 2)]
        } ?? []
        let view = TableView(columns: accountColumn + shownIndexes.map { allColumns[$0] }, rowCount: count, state: table,
                             emptyText: readError.map { "cannot read the cache: \($0)" }
                                 ?? (queryText.isEmpty ? "no domains in the cache — press \(app.actions.key(.sync)) to sync" : "no domain matches the filter"),
                             marksSelection: true, scrollsColumns: true)
        visibleRows = max(1, view.visibleRows(in: body))
        let used = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: count)
        table = used
        loadWindow(app, offset: used.scrollOffset, limit: visibleRows)
        let selectedShown: Set<String>
        do {
            selectedShown = try state.selection.selected(among: window.map(\.name), in: app.store)
        } catch {
            selectedShown = []
            readError = StatusMessage(error: error).text
        }
        table = view.render(into: &screen, rect: body) { index in
            let i = index - windowOffset
            guard i >= 0, i < window.count else { return TableRow([]) }
            let row = window[i]
            let open = pending[row.name] ?? []
            let role: Role? = open.isEmpty ? nil : open.contains { $0.state == .failed || $0.state == .conflict } ? .conflict : .pending
            let cells = DomainRowRenderer.cells(row, pending: open, nowMs: app.nowMs, unicode: app.unicode)
            let account = all.map { [TableCell($0.account(of: row.name) ?? "?")] } ?? []
            return TableRow(account + shownIndexes.map { $0 < cells.count ? cells[$0] : TableCell("") },
                            isSelected: selectedShown.contains(row.name), role: role)
        }
        lastCursorName = cursorDomain
        unpricedOnScreen = window.filter(DomainRowRenderer.needsPrice).map(\.name)
        if let detailRect {
            let row = window.first { $0.name == cursorDomain }
            if let row, recentChanges?.name != row.name {
                // Absent history reads as none: the panel still shows the row.
                // In the All-accounts view, from the row's own account.
                let engine = app.allAccounts?.member(of: row.name)?.engine ?? app.engine
                recentChanges = (row.name, (try? engine.domainHistory(row.name, limit: DomainDetailPanel.changesShown)) ?? [])
            }
            detailScroll = DomainDetailPanel.render(row, pending: row.flatMap { pending[$0.name] } ?? [],
                                                    changes: recentChanges?.changes ?? [], contacts: contacts,
                                                    into: &screen, rect: detailRect, app: app, lastCompleteSyncMs: state.lastSyncMs,
                                                    overlay: !wide, scroll: detailScroll)
        }
        chooser?.render(into: &screen, area: rect)
    }

    private func renderFilterLine(into screen: inout Screen, rect: Rect) {
        let viewText = activeViewName.map { "view \($0) · " } ?? ""
        let countText = " \(viewText)\(NumberText.grouped(count)) match\(count == 1 ? "" : "es") "
        let (inputRect, countRect) = rect.splitRight(min(rect.width / 2, countText.count + 1))
        if let filterInput {
            filterInput.render(into: &screen, rect: inputRect, prompt: "/")
        } else {
            screen.fill(inputRect, style: Style(.input))
            screen.put("/" + queryText, at: inputRect.origin, style: Style(.input), maxWidth: inputRect.width)
        }
        screen.fill(countRect, style: Style(.input))
        if let queryError {
            // All the room the typed query leaves (the message line has it whole too).
            let room = max(countRect.width, rect.width - DisplayWidth.of("/" + queryText) - 3)
            let text = DisplayWidth.truncate(" \(queryError.message)", to: room)
            let start = max(rect.col, countRect.right - DisplayWidth.of(text))
            screen.fill(Rect(row: rect.row, col: start, width: rect.right - start, height: 1), style: Style(.input))
            screen.put(text, at: Point(row: rect.row, col: start), style: Style(.input, accent: .error))
        } else {
            screen.put(DisplayWidth.pad(countText, to: countRect.width, alignment: .right), at: countRect.origin,
                       style: Style(.input, accent: .dim))
        }
    }

    private func loadWindow(_ app: AppEnvironment, offset: Int, limit: Int) {
        if !window.isEmpty, offset == windowOffset, window.count >= min(limit, count - offset) { return }
        windowOffset = offset
        do {
            window = try app.store.rows(matching: query, sort: sort, limit: limit, offset: offset)
            pending = try app.allAccounts?.pendingFields(for: window.map(\.name)) ?? app.store.pendingFields(for: window.map(\.name))
        } catch {
            // Drawn in place of the rows; the message line has it from the refresh.
            window = []
            pending = [:]
            readError = StatusMessage(error: error).text
        }
    }

    // MARK: Keys

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down: move { $0.moveCursor(by: 1, rowCount: count) }
        case .up: move { $0.moveCursor(by: -1, rowCount: count) }
        case .top: move { $0.moveCursor(to: 0, rowCount: count) }
        case .bottom: move { $0.moveCursor(to: count - 1, rowCount: count) }
        case .pageDown: move { $0.page(by: 1, visibleRows: visibleRows, rowCount: count) }
        case .pageUp: move { $0.page(by: -1, visibleRows: visibleRows, rowCount: count) }
        case .filter:
            filterInput = TextInput(text: queryText)
        case .toggleSelect:
            guard let name = cursorDomain else { return .handled }
            do {
                try state.selection.toggle(name, in: app.store)
            } catch {
                state.message = StatusMessage(error: error)
                return .handled
            }
            anchor = name
            move { $0.moveCursor(by: 1, rowCount: count) }
        case .rangeSelect:
            guard let name = cursorDomain else { return .handled }
            do {
                // An anchor that no longer matches the filter counts from the cursor.
                let from = try anchor.flatMap { try app.store.index(of: $0, matching: query, sort: sort) } ?? table.cursor
                let low = min(from, table.cursor), high = max(from, table.cursor)
                try state.selection.formUnion(app.store.domainSet(matching: query, sort: sort, limit: high - low + 1, offset: low),
                                              in: app.store)
                anchor = name
            } catch {
                state.message = StatusMessage(error: error)
            }
        case .selectAll:
            do {
                var selection = state.selection
                try selection.formUnion(app.store.domainSet(matching: query), in: app.store)
                state.setSelection(selection)
            } catch {
                state.message = StatusMessage(error: error)
            }
        case .invertSelection:
            do {
                var selection = state.selection
                try selection.formSymmetricDifference(app.store.domainSet(matching: query), in: app.store)
                state.setSelection(selection)
            } catch {
                state.message = StatusMessage(error: error)
            }
        case .clearSelection:
            state.setSelection([])
        case .reselect:
            let previous = state.lastSelection
            state.setSelection(previous)
        case .sortNext:
            let fields = DomainSort.Field.allCases
            let next = fields[((fields.firstIndex(of: sort.field) ?? -1) + 1) % fields.count]
            sort = DomainSort(next, descending: sort.descending)
            return [.handled, .reload]
        case .sortReverse:
            sort.descending.toggle()
            return [.handled, .reload]
        case .chooseColumns:
            let hidden = hiddenColumns(app)
            chooser = ColumnChooser(
                columns: Self.choosableColumns.map { ($0.id, DomainRowRenderer.columns[$0.index].title) },
                shown: Set(Self.choosableColumns.map(\.id)).subtracting(hidden),
                keepsInConfig: app.columns.save != nil)
        case .columnsLeft: table.scrollColumns(by: -1)
        case .columnsRight: table.scrollColumns(by: 1)
        case .toggleDetail:
            detailShown = !(detailShown ?? (lastWidth >= 120))
            detailScroll = 0
        case .setNameServers: state.request = .commandLine("set ns ")
        case .setRenewOption: state.request = .commandLine("set renew ")
        case .setPrivacy: state.request = .commandLine("set privacy ")
        case .setLock: state.request = .commandLine("set lock")
        case .setFolder: state.request = .commandLine("set folder ")
        case .setNote: state.request = .commandLine("set note ")
        // No "https://" prefill: a pasted URL would become https://https://….
        case .setForwarding: state.request = .commandLine("set forward ")
        case .setStealth: state.request = .commandLine("set stealth ")
        case .setParking: state.request = .commandLine("set parking")
        case .setForSale: state.request = .commandLine("set sale ")
        case .unlist: state.request = .commandLine("set unsale")
        case .renew: state.request = .commandLine("renew 1")
        default: return []
        }
        return .handled
    }

    /// Width of the last frame, for the detail toggle's default.
    private var lastWidth = 0

    /// Records the frame width (the app calls this before drawing).
    func noteWidth(_ width: Int) { lastWidth = width }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        if var open = chooser {
            switch open.handle(key) {
            case .none: chooser = open
            case .cancelled: chooser = nil
            case .done:
                chooser = nil
                keepColumns(open.shown, app: app, state: &state)
            }
            return .handled
        }
        if filterInput == nil, detailIsOverlay {
            // The quit key still quits (after a resize the overlay may be what shows).
            if app.actions.action(for: [key], scope: scope) == .quit { return [.handled, .quit] }
            return handleOverlay(key)
        }
        guard var input = filterInput else { return [] }
        let outcome = input.handle(key)
        filterInput = input
        switch outcome {
        case .changed:
            applyQuery(input.text)
            // The inline error may be cut; the message line has it whole.
            if let queryError { state.message = StatusMessage("filter: \(queryError.message)", isError: true) }
            return [.handled, .reload]
        case .submitted:
            filterInput = nil
            return .handled
        case .cancelled:
            filterInput = nil
            applyQuery("")
            return [.handled, .reload]
        case .moved, .ignored:
            return .handled
        }
    }

    private func hiddenColumns(_ app: AppEnvironment) -> Set<String> {
        if let hiddenColumns { return hiddenColumns }
        let hidden = Set(app.columns.shown.filter { !$0.value }.map(\.key))
        hiddenColumns = hidden
        return hidden
    }

    /// Shows `shown` from now on and writes the choice to `[columns]`.
    private func keepColumns(_ shown: Set<String>, app: AppEnvironment, state: inout AppState) {
        let choice = Dictionary(uniqueKeysWithValues: Self.choosableColumns.map { ($0.id, shown.contains($0.id)) })
        hiddenColumns = Set(choice.filter { !$0.value }.map(\.key))
        table.columnScroll = 0
        guard let save = app.columns.save else {
            state.message = StatusMessage("columns changed for this session (the demo keeps no configuration)")
            return
        }
        do {
            try save(choice)
            state.message = StatusMessage("columns kept in config.toml [columns]")
        } catch {
            state.message = StatusMessage("columns changed, but config.toml could not be written: \(error)", isError: true)
        }
    }

    /// Keys of the full-screen detail panel: it scrolls like a pager
    /// (`j` `k` `Space` `PgDn` `PgUp` `g` `G`); `Esc` or `Enter` close it.
    private func handleOverlay(_ key: KeyEvent) -> PaneFlags {
        let page = max(1, visibleRows - 2)
        switch key {
        case .char("j"), .down: detailScroll += 1
        case .char("k"), .up: detailScroll = max(0, detailScroll - 1)
        case .char(" "), .pageDown, .ctrl("f"): detailScroll += page
        case .char("b"), .pageUp, .ctrl("b"): detailScroll = max(0, detailScroll - page)
        case .char("g"), .home: detailScroll = 0
        case .char("G"), .end: detailScroll = Int.max / 2
        case .escape, .enter:
            detailShown = false
            detailScroll = 0
        default: break
        }
        return .handled
    }

    /// Sets the filter: a parse error keeps the previous query in force and
    /// is shown inline.
    public func applyQuery(_ text: String) {
        queryText = text
        do {
            typedQuery = try PortfolioQuery(parsing: text)
            query = typedQuery
            queryError = nil
        } catch {
            queryError = error
        }
    }

    /// Shows the rows matching `text` from the top (the Expiries pane's
    /// Enter on a month).
    public func showFilter(_ text: String) {
        filterInput = nil
        applyQuery(text)
        table = TableState()
        lastCursorName = nil
        window = []
    }

    /// Sets the sort from the command line (`sort expires:desc`).
    func setSort(_ newSort: DomainSort) { sort = newSort }

    /// What `:export` writes: the rows the filter shows (its `selected:`
    /// terms answered at the last refresh), in the order shown, and the
    /// optional columns switched on.
    func exportSource(_ app: AppEnvironment) -> (query: PortfolioQuery, sort: DomainSort, shownColumns: [String]) {
        let hidden = hiddenColumns(app)
        return (query, sort, Self.choosableColumns.map(\.id).filter { !hidden.contains($0) })
    }

    private func move(_ change: (inout TableState) -> Void) {
        change(&table)
        lastCursorName = nil
        let index = table.cursor - windowOffset
        if index >= 0, index < window.count { lastCursorName = window[index].name }
    }
}
