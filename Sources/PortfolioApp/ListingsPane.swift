import PortfolioStore
import SyncEngine
import TerminalUI

/// The Listings pane: your domains for sale (price, listing type, minimum
/// offer, with queued changes shown as `→ …`), listed, repriced and
/// unlisted in bulk through the outbox; `m` switches to the marketplace
/// catalogue, where buy-it-now is a money action behind a confirmation.
public final class ListingsPane: Pane {
    public let title = "Listings"
    public let scope = ActionScope.listings

    /// Which of the two tables is shown.
    public private(set) var showsMarketplace = false
    private var market = MarketplaceView()
    /// The pane's counts, and the rows of the visible window (from
    /// `windowOffset`) with their queued changes: never the whole set.
    private var counts = ListingCounts()
    private var rows: [DomainRow] = []
    private var windowOffset = 0
    private var pending: [String: [PendingField]] = [:]
    /// Why the cache could not be read, shown in place of the rows.
    private var readError: String?
    private var table = TableState()
    private var visibleRows = 20
    private var form: FormDialog?
    /// The domains the open sale form names: exactly these are queued.
    private var saleTargets: [String] = []
    /// Listings whose price was already asked for this session (so an
    /// unpriced row is fetched once, not on every frame).
    private var priceRequested: Set<String> = []
    /// Listed rows drawn without a price, for ``takeAutoFetch()``.
    private var unpricedOnScreen: [String] = []

    public init() {}

    /// The visible listings without a cached price not asked for yet; the
    /// app fetches them in the background after drawing the pane.
    func automaticJob(_ app: AppEnvironment) -> BackgroundJob? {
        let names = unpricedOnScreen.filter { !priceRequested.contains($0) }
        unpricedOnScreen = []
        guard !names.isEmpty else { return nil }
        priceRequested.formUnion(names)
        return .listingPrices(names)
    }

    static let columns = [
        TableColumn("", minWidth: 1, maxWidth: 1), TableColumn("Domain", minWidth: 18, maxWidth: 48, flex: 2),
        TableColumn("Price", minWidth: 12, alignment: .right), TableColumn("Type", minWidth: 12, maxWidth: 26, flex: 1),
        TableColumn("Min offer", minWidth: 10, alignment: .right), TableColumn("Expires", minWidth: 10),
    ]

    public var capturesKeys: Bool { form != nil || (showsMarketplace && market.isFiltering) }

    public var position: (index: Int, total: Int)? {
        showsMarketplace ? Self.position(market.table.cursor, of: market.count) : Self.position(table.cursor, of: counts.total)
    }

    public var cursorDomain: String? {
        guard !showsMarketplace else { return nil }
        return row(at: table.cursor)?.name
    }

    private func row(at index: Int) -> DomainRow? {
        let i = index - windowOffset
        return i >= 0 && i < rows.count ? rows[i] : nil
    }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        try market.refresh(app)
        // Domains with a queued listing change show too, even before they are listed.
        readError = nil
        do {
            counts = try app.store.listingCounts(queuedField: IntentField.sale.rawValue)
        } catch {
            counts = ListingCounts()
            rows = []
            readError = StatusMessage(error: error).text
            throw error
        }
        table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: counts.total)
        try loadWindow(app)
    }

    /// Reads the visible rows (and their queued changes) from the store.
    private func loadWindow(_ app: AppEnvironment) throws {
        windowOffset = table.scrollOffset
        do {
            rows = try app.store.listings(queuedField: IntentField.sale.rawValue, limit: visibleRows, offset: windowOffset)
            pending = try app.store.pendingFields(for: rows.map(\.name))
        } catch {
            rows = []
            pending = [:]
            readError = StatusMessage(error: error).text
            throw error
        }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        if showsMarketplace {
            market.render(into: &screen, rect: rect, app: app) { names in
                try app.store.listingNames(among: names, queuedField: IntentField.sale.rawValue)
            }
        } else {
            let (line, body) = rect.splitTop(1)
            var summary = " Your listings · \(counts.forSale) for sale · \(counts.priced) priced"
            if !state.selection.isEmpty { summary += " · \(state.selection.count) selected" }
            screen.fill(line, style: Style(.input))
            screen.put(DisplayWidth.truncate(summary + " · \(app.actions.key(.marketplaceView)) marketplace", to: line.width), at: line.origin, style: Style(.input, accent: .dim))
            let view = TableView(columns: Self.columns, rowCount: counts.total, state: table,
                                 emptyText: readError.map { "cannot read the listings: \($0)" }
                                     ?? "no domain is listed for sale — select domains in \(app.actions.pane(.showDomains, "Domains")), then press \(app.actions.key(.listingPrice)) here",
                                 marksSelection: true)
            visibleRows = max(1, view.visibleRows(in: body))
            table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: counts.total)
            if readError == nil, table.scrollOffset != windowOffset || rows.count < min(visibleRows, counts.total - table.scrollOffset) {
                // A failed read shows in place of the rows (and on the message line at the next refresh).
                try? loadWindow(app)
            }
            let shown = rows, open = pending, offset = windowOffset
            let selectedShown: Set<String>
            do {
                selectedShown = try state.selection.selected(among: rows.map(\.name), in: app.store)
            } catch {
                selectedShown = []
                readError = StatusMessage(error: error).text
            }
            unpricedOnScreen = rows.prefix(visibleRows).filter(DomainRowRenderer.needsPrice).map(\.name)
            table = view.render(into: &screen, rect: body) { index in
                guard index - offset >= 0, index - offset < shown.count else { return TableRow([]) }
                let row = shown[index - offset]
                return TableRow(Self.cells(row, pending: open[row.name] ?? [], app: app),
                                isSelected: selectedShown.contains(row.name))
            }
        }
        if let form { form.render(into: &screen, area: rect) }
    }

    /// Price, type and minimum offer, with a queued change shown instead.
    static func cells(_ row: DomainRow, pending: [PendingField], app: AppEnvironment) -> [TableCell] {
        let money: (Int64?) -> String = { $0.map { Cents.dollars($0) } ?? "" }
        var price = TableCell(row.forSale ? (row.salePriceCents.map { Cents.dollars($0) } ?? "? (F fetches)") : "not listed",
                              accent: row.forSale && row.salePriceCents != nil ? nil : .dim)
        var type = TableCell(row.forSale ? row.saleType ?? "" : "")
        var minimum = TableCell(row.forSale ? money(row.saleMinOfferCents) : "")
        let open = pending.last { $0.field == IntentField.sale.rawValue }
        if let open, let edit = Edit(field: .sale, encodedValue: open.value) {
            let accent: Role = open.state == .failed || open.state == .conflict ? .conflict : .pending
            switch edit {
            case .forSale(let terms):
                price = TableCell("→ " + (terms.priceCents.map { Cents.dollars($0) } ?? "make offer"), accent: accent)
                type = TableCell("→ " + terms.listingType, accent: accent)
                minimum = TableCell(terms.minimumOfferCents.map { "→ " + money($0) } ?? "", accent: accent)
            default:
                price = TableCell("→ unlist", accent: accent)
                type = TableCell("", accent: accent)
                minimum = TableCell("", accent: accent)
            }
        }
        // Selection has its own marker column (TableView.marksSelection).
        let marker = open != nil ? TableCell("•", accent: .pending) : TableCell("")
        return [marker, TableCell(DomainRowRenderer.displayName(row, unicode: app.unicode)), price, type, minimum,
                TableCell(row.expiresMs.map(ValueDisplay.isoDate) ?? "—")]
    }

    // MARK: Keys

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        if showsMarketplace {
            if market.move(action) { return .handled }
        } else if moveOwn(action) {
            return .handled
        }
        switch action {
        case .marketplaceView:
            showsMarketplace.toggle()
            if showsMarketplace, market.count == 0, market.filterText.isEmpty, state.hasAccount {
                state.request = .background(.marketplace)
            }
        case .marketplaceFilter:
            guard showsMarketplace else {
                state.message = StatusMessage("\(app.actions.key(.marketplaceFilter)) filters the marketplace; press \(app.actions.key(.marketplaceView)) to show it", isError: true)
                return .handled
            }
            market.openFilter()
        case .listingSelect:
            guard let name = cursorDomain else { return .handled }
            do {
                try state.selection.toggle(name, in: app.store)
            } catch {
                state.message = StatusMessage(error: error)
                return .handled
            }
            table.moveCursor(by: 1, rowCount: counts.total)
        case .listingPrice:
            guard let (names, source) = actionTargets(&state, app) else { return .handled }
            // Only the names the summary shows are read (a selection may be large).
            let known: [DomainRow]
            do {
                known = try app.store.domains(named: Array(names.prefix(3)))
            } catch {
                state.message = StatusMessage(error: error)
                return .handled
            }
            let first = names.count == 1 ? known.first { $0.name == names[0] && $0.forSale } : nil
            let shown = names.map { name in known.first { $0.name == name }.map { DomainRowRenderer.displayName($0, unicode: app.unicode) } ?? name }
            let summary = "\(names.count) domain\(names.count == 1 ? "" : "s")\(source.map { " " + $0 } ?? ""): \(Self.preview(shown))"
            saleTargets = names
            form = FormDialog(title: "List for sale", summary: summary, fields: [
                .init("Price", value: first?.salePriceCents.map { Cents.format(cents: $0) } ?? "", hint: "USD, e.g. 499 or 1250.00"),
                .init("Type", value: first?.saleType ?? "buy_now", hint: SaleTerms.listingTypes.joined(separator: " | ")),
                .init("Min offer", value: first?.saleMinOfferCents.map { Cents.format(cents: $0) } ?? "", hint: "optional, USD"),
            ])
        case .listingUnlist:
            guard let (names, source) = actionTargets(&state, app) else { return .handled }
            queue(.unlist, names, verb: "unlisting", app: app, state: &state)
            if let source, let message = state.message, !message.isError {
                state.message = StatusMessage(message.text + " (\(source))")
            }
            return [.handled, .reload]
        case .listingFetch:
            if showsMarketplace {
                state.request = .background(.marketplace)
            } else {
                let visible = rows.prefix(visibleRows).filter(\.forSale).map(\.name)
                guard !visible.isEmpty else {
                    state.message = StatusMessage("no listed domain on screen to fetch", isError: true)
                    return .handled
                }
                priceRequested.formUnion(visible)
                state.request = .background(.listingPrices(visible))
            }
        case .buyItNow:
            confirmPurchase(app: app, &state)
        default:
            return []
        }
        return .handled
    }

    private func moveOwn(_ action: Action) -> Bool {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: counts.total, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    /// What `$` and `U` act on: what this pane shows — the selected
    /// listings, else the cursor listing. When nothing selected is listed
    /// here but domains are selected elsewhere (chosen in the Domains pane
    /// to be listed), that selection, and `source` says so. Never
    /// marketplace names.
    func targets(_ state: AppState, _ app: AppEnvironment) throws -> (names: [String], source: String?) {
        guard !state.selection.isEmpty else { return (cursorDomain.map { [$0] } ?? [], nil) }
        let selected = try state.selection.sortedNames(in: app.store)
        let listed = try app.store.domains(named: selected).filter(\.forSale).map(\.name).sorted()
        if !listed.isEmpty {
            let left = selected.count - listed.count
            return (listed, left > 0 ? "selected here (\(left) selected elsewhere, not listed, left out)" : nil)
        }
        return (selected, "selected in \(app.actions.pane(.showDomains, "Domains")), not in this list")
    }

    /// ``targets(_:_:)`` for `$` and `U`, or `nil` with the reason on the
    /// message line (a failed read, or nothing to act on).
    private func actionTargets(_ state: inout AppState, _ app: AppEnvironment) -> (names: [String], source: String?)? {
        let found: (names: [String], source: String?)
        do {
            found = try targets(state, app)
        } catch {
            state.message = StatusMessage(error: error)
            return nil
        }
        guard !found.names.isEmpty else {
            state.message = StatusMessage(showsMarketplace ? "press \(app.actions.key(.marketplaceView)) to go back to your listings first"
                                                           : "nothing selected and no listing under the cursor", isError: true)
            return nil
        }
        return found
    }

    static func preview(_ names: [String]) -> String {
        names.count <= 3 ? names.joined(separator: ", ") : names.prefix(2).joined(separator: ", ") + " and \(names.count - 2) more"
    }

    private func confirmPurchase(app: AppEnvironment, _ state: inout AppState) {
        guard showsMarketplace, let listing = market.cursorListing else {
            state.message = StatusMessage("buy from the marketplace: press \(app.actions.key(.marketplaceView)) and put the cursor on a listing", isError: true)
            return
        }
        let yours: Bool
        do {
            yours = try !app.store.listingNames(among: [listing.domain], queuedField: IntentField.sale.rawValue).isEmpty
        } catch {
            state.message = StatusMessage(error: error)
            return
        }
        if yours {
            state.message = StatusMessage("\(listing.domain) is yours already", isError: true)
            return
        }
        guard let price = listing.priceCents, !listing.pendingSaleLocked else {
            state.message = StatusMessage("\(listing.domain) cannot be bought now (\(listing.pendingSaleLocked ? "a sale is pending" : "no price"))", isError: true)
            return
        }
        let dialog = ConfirmDialog(title: "Buy it now (spends money)", summary: "Buy \(listing.domain) for \(Cents.dollars(price)) \(listing.currency)?",
                                   lines: [[Span(MoneyText.balanceLine(spending: price, balanceCents: state.balanceCents, when: "once pushed"))],
                                           [Span("  The purchase is queued; the push asks again before it spends.")],
                                           [Span("  price  "), Span(Cents.dollars(price), style: Style(.dialog, accent: .pending))]],
                                   isDangerous: true, confirmLabel: "Queue purchase")
        state.request = .confirm(dialog, Self.purchase(domain: listing.domain, priceCents: price))
    }

    private func queue(_ edit: Edit, _ names: [String], verb: String, app: AppEnvironment, state: inout AppState) {
        do {
            let summary = try app.engine.queue(edit, domains: names, origin: .tui)
            var text = "queued \(verb) of \(summary.added) domain\(summary.added == 1 ? "" : "s")"
            if summary.unchanged > 0 { text += ", \(summary.unchanged) already so" }
            if summary.cancelled > 0 { text += ", \(summary.cancelled) set back" }
            state.message = StatusMessage(summary.added > 0 ? text + " — " + app.actions.reviewHint : text)
            state.setSelection([])
        } catch {
            state.message = StatusMessage(error: error)
        }
    }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        if var open = form {
            switch open.handle(key) {
            case .cancelled:
                form = nil
                state.message = StatusMessage("cancelled")
            case .submitted:
                form = open
                submitSale(app: app, state: &state)
                return [.handled, .reload]
            case .none:
                form = open
            }
            return .handled
        }
        if showsMarketplace, market.isFiltering {
            if market.handleFilter(key) {
                do {
                    try market.refresh(app)
                } catch {
                    state.message = StatusMessage(error: error)
                }
            }
            return .handled
        }
        return []
    }

    /// Checks the form and queues `set_for_sale` for every target.
    private func submitSale(app: AppEnvironment, state: inout AppState) {
        guard var open = form else { return }
        let names = saleTargets
        do {
            let type = open.value("Type").isEmpty ? "buy_now" : open.value("Type")
            let price = try Self.amount(open.value("Price"), "price")
            let minimum = try Self.amount(open.value("Min offer"), "minimum offer")
            if price == nil, type != "make_offer" { throw SyncError.invalidEdit("a \(type) listing needs a price") }
            let summary = try app.engine.queue(.forSale(SaleTerms(listingType: type, priceCents: price, minimumOfferCents: minimum)),
                                               domains: names, origin: .tui)
            form = nil
            var text = "queued sale terms on \(summary.added) domain\(summary.added == 1 ? "" : "s")"
            if summary.unchanged > 0 { text += ", \(summary.unchanged) already so" }
            state.message = StatusMessage(summary.added > 0 ? text + " — " + app.actions.reviewHint : text)
            state.setSelection([])
        } catch {
            open.error = "\(error)"
            form = open
        }
    }

    /// Cents from `12` or `12.50`; nil when empty.
    static func amount(_ text: String, _ what: String) throws -> Int64? {
        guard !text.isEmpty else { return nil }
        let cents: Int64
        do {
            cents = try Cents.parse(text, what: "the \(what)")
        } catch {
            throw SyncError.invalidEdit(error.description)
        }
        guard cents > 0 else { throw SyncError.invalidEdit("the \(what) must be above $0.00") }
        return cents
    }
}
