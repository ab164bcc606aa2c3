import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Acquire pane's watchlist, auctions and closeouts views: switching,
/// their keys, the bid form and the money confirmations.
extension AcquirePane {
    /// Shows the view `action` names; its key again goes back to the names.
    /// A view whose cached list is missing or stale is fetched.
    func switchView(_ action: Action, app: AppEnvironment, state: inout AppState) {
        let next: View = switch action {
        case .acquireWatchlist: .watchlist
        case .acquireAuctions: .auctions
        case .acquireCloseouts: .closeouts
        default: .backorders
        }
        view = view == next ? .names : next
        guard app.hasAccount else { return }
        switch view {
        case .backorders: state.request = .background(.backorderList)
        case .auctions where auctions.isStale(nowMs: app.nowMs): state.request = .background(.auctionList)
        case .closeouts where closeouts.isStale(nowMs: app.nowMs): state.request = .background(.closeoutList)
        default: break
        }
    }

    /// The key that shows the current view (and goes back to the names).
    private func viewKey(_ app: AppEnvironment) -> String {
        switch view {
        case .names, .backorders: app.actions.key(.acquireBackorderList)
        case .watchlist: app.actions.key(.acquireWatchlist)
        case .auctions: app.actions.key(.acquireAuctions)
        case .closeouts: app.actions.key(.acquireCloseouts)
        }
    }

    /// Actions on the watchlist, auctions and closeouts views; nil lets the
    /// names and backorder views handle them.
    func performInView(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags? {
        let moves: [Action] = [.down, .up, .top, .bottom, .pageDown, .pageUp]
        let switching: [Action] = [.acquireBackorderList, .acquireWatchlist, .acquireAuctions, .acquireCloseouts]
        if switching.contains(action) { return nil }
        switch (view, action) {
        case (.names, .acquireFilter), (.backorders, .acquireFilter):
            state.message = StatusMessage("\(app.actions.key(.acquireFilter)) filters the watchlist, auctions and closeouts by name", isError: true)
        case (.names, .acquireBid), (.backorders, .acquireBid), (.watchlist, .acquireBid), (.closeouts, .acquireBid):
            state.message = StatusMessage("bids go on auctions — press \(app.actions.key(.acquireAuctions)) to show the open auctions", isError: true)
        case (.names, .acquireBuy), (.backorders, .acquireBuy), (.watchlist, .acquireBuy), (.auctions, .acquireBuy):
            state.message = StatusMessage("buying is for closeouts — press \(app.actions.key(.acquireCloseouts)) to show them", isError: true)
        case (.names, .acquireNote), (.backorders, .acquireNote), (.auctions, .acquireNote), (.closeouts, .acquireNote):
            state.message = StatusMessage("notes belong to watched names — press \(app.actions.key(.acquireWatchlist)) to show the watchlist", isError: true)
        case (.names, _), (.backorders, _):
            return nil
        case (.watchlist, let move) where moves.contains(move): watchlist.move(move)
        case (.auctions, let move) where moves.contains(move): auctions.move(move)
        case (.closeouts, let move) where moves.contains(move): closeouts.move(move)
        case (.watchlist, .acquireFilter): watchlist.openFilter()
        case (.auctions, .acquireFilter): auctions.openFilter()
        case (.closeouts, .acquireFilter): closeouts.openFilter()
        case (.watchlist, .sync): state.request = .background(.watchRefresh)
        case (.auctions, .sync): state.request = .background(.auctionList)
        case (.closeouts, .sync): state.request = .background(.closeoutList)
        case (.watchlist, .acquireSelect): watchlist.toggleMark()
        case (.watchlist, .acquireAdd):
            input = TextInput()
            added = []
            refused = []
            addsToWatchlist = true
        case (.watchlist, .acquireRemove): confirmUnwatch(app: app, &state)
        case (.watchlist, .acquireNote):
            guard let row = watchlist.cursorRow else {
                state.message = StatusMessage("no watched name under the cursor — press \(app.actions.key(.acquireAdd)) to add some", isError: true)
                return .handled
            }
            noteInput = (TextInput(text: row.note), row.name)
        case (.auctions, .acquireBid): readAuctionForBid(app: app, &state)
        case (.closeouts, .acquireBuy): confirmCloseoutPurchase(app: app, &state)
        default:
            state.message = StatusMessage("this works on the names list — press \(viewKey(app)) to go back to it", isError: true)
        }
        return .handled
    }

    /// Keys while the bid form, the note line or a filter line is open.
    func handleInView(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags? {
        if bidForm != nil { return handleBidForm(key, app: app, state: &state) }
        if var open = noteInput {
            switch open.input.handle(key) {
            case .submitted:
                do {
                    try app.engine.watch([open.name], note: open.input.text)
                    noteInput = nil
                    return [.handled, .reload]
                } catch {
                    state.message = StatusMessage(error: error)
                    noteInput = open
                }
            case .cancelled:
                noteInput = nil
            case .changed, .moved, .ignored:
                noteInput = open
            }
            return .handled
        }
        switch view {
        case .watchlist where watchlist.handleFilter(key): return .handled
        case .auctions where auctions.handleFilter(key): return .handled
        case .closeouts where closeouts.handleFilter(key): return .handled
        default: return nil
        }
    }

    func renderView(into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        var body = rect
        var lineRect: Rect?
        if input != nil || noteInput != nil {
            let split = body.splitBottom(1)
            body = split.0
            lineRect = split.1
        }
        if view == .watchlist, !refused.isEmpty {
            let split = body.splitBottom(1)
            body = split.0
            let text = " skipped, not domain names: \(refused.joined(separator: ", ")) — add them again corrected"
            screen.put(DisplayWidth.truncate(text, to: split.1.width), at: split.1.origin, style: Style(.plain, accent: .error))
        }
        switch view {
        case .watchlist: watchlist.render(into: &screen, rect: body, app: app)
        case .auctions: auctions.render(into: &screen, rect: body, app: app)
        case .closeouts: closeouts.render(into: &screen, rect: body, app: app)
        case .names, .backorders: break
        }
        if let lineRect {
            if let noteInput {
                let shown = TerminalText.escaped(DomainNameDisplay.shown(noteInput.name, unicode: app.unicode))
                noteInput.input.render(into: &screen, rect: lineRect, prompt: "note for \(shown) (Enter saves, Esc cancels): ")
            } else if let input {
                input.render(into: &screen, rect: lineRect, prompt: "watch (Enter adds, Esc ends): ")
            }
        }
        if let bidForm { bidForm.form.render(into: &screen, area: rect) }
    }

    // MARK: the watchlist

    private func confirmUnwatch(app: AppEnvironment, _ state: inout AppState) {
        let names = watchlist.targets
        guard !names.isEmpty else {
            state.message = StatusMessage("no watched name under the cursor — press \(app.actions.key(.acquireAdd)) to add some", isError: true)
            return
        }
        let shown = names.prefix(8).map { TerminalText.escaped(DomainNameDisplay.shown($0, unicode: app.unicode)) }
        var lines = shown.map { [Span("  " + $0)] }
        if names.count > shown.count { lines.append([Span("  … and \(names.count - shown.count) more")]) }
        lines.append([Span("  Their notes go with them.")])
        let dialog = ConfirmDialog(title: "Stop watching", summary: "Stop watching \(NumberText.count(names.count, "name"))?",
                                   lines: lines, confirmLabel: "Stop watching")
        state.request = .confirm(dialog) { [weak self] host in
            do {
                let removed = try host.environment.engine.unwatch(names)
                self?.watchlist.marked.subtract(names)
                host.state.message = StatusMessage("stopped watching \(NumberText.count(removed.count, "name"))")
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }

    // MARK: bids

    /// `b`: reads the cursor auction fresh (its minimum bid) in the
    /// background; the bid form opens when it is read.
    private func readAuctionForBid(app: AppEnvironment, _ state: inout AppState) {
        guard let row = auctions.cursorRow else {
            state.message = StatusMessage("no open auction under the cursor — press \(app.actions.key(.sync)) to fetch them", isError: true)
            return
        }
        state.request = .background(.auctionForBid(domain: row.domain, backorder: row.type == "backorder"))
    }

    /// Opens the bid form on `auction` as just read: the current price, the
    /// minimum bid, the time left and the balance above the amount.
    func openBidForm(_ auction: Auction, app: AppEnvironment, balanceCents: Int64?) {
        // Most important first: a narrow dialog cuts the end.
        var facts = auction.minimumBid.map { "minimum \(Cents.dollars($0.cents)) · " } ?? ""
        facts += balanceCents.map { "balance \(Cents.dollars($0))" } ?? "balance unknown"
        facts += " · current \(auction.currentBid.map { Cents.dollars($0.cents) } ?? "—")"
        facts += " · \(ValueDisplay.timeLeft(auction.endMs, nowMs: app.nowMs)) left"
        let hint = auction.minimumBid.map { "USD, at least \(Cents.dollars($0.cents))" } ?? "USD"
        let shown = TerminalText.escaped(DomainNameDisplay.shown(auction.domain, unicode: app.unicode))
        bidForm = (FormDialog(title: "Bid on \(shown)", summary: facts, fields: [.init("Amount", hint: hint)]), auction)
    }

    private func handleBidForm(_ key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard let (opened, auction) = bidForm else { return [] }
        var form = opened
        switch form.handle(key) {
        case .cancelled:
            bidForm = nil
            state.message = StatusMessage("no bid placed")
            return .handled
        case .none:
            bidForm = (form, auction)
            return .handled
        case .submitted:
            break
        }
        let cents: Int64
        do {
            cents = try Cents.parse(form.value("Amount"), what: "bid amount")
        } catch {
            form.error = error.description
            bidForm = (form, auction)
            return .handled
        }
        if let reason = SyncEngine.bidRefusal(auction, amountCents: cents) {
            form.error = reason
            bidForm = (form, auction)
            return .handled
        }
        bidForm = nil
        let shown = TerminalText.escaped(DomainNameDisplay.shown(auction.domain, unicode: app.unicode))
        var lines: [[Span]] = [[Span(MoneyText.balanceLine(spending: cents, balanceCents: state.balanceCents, when: "if you win"))]]
        lines.append([Span("  current \(auction.currentBid.map { Cents.dollars($0.cents) } ?? "—")"
                           + (auction.minimumBid.map { " · minimum \(Cents.dollars($0.cents))" } ?? "")
                           + " · ends in \(ValueDisplay.timeLeft(auction.endMs, nowMs: app.nowMs))")])
        lines.append([Span("  A proxy bid: the most you pay if you win.")])
        lines.append([Span("  The auction is read again just before bidding.")])
        let dialog = ConfirmDialog(title: "Bid (spends money if you win)", summary: "Bid \(Cents.dollars(cents)) on \(shown)?",
                                   lines: lines, isDangerous: true, confirmLabel: "Bid")
        let domain = auction.domain
        state.request = .confirm(dialog) { host in
            host.start(.placeBid(domain: domain, amountCents: cents))
        }
        return .handled
    }

    // MARK: closeouts

    /// `P`: asks to buy the cursor closeout at its cached price; on yes the
    /// purchase is queued at the price read fresh, approved up to the price
    /// shown, and pushed.
    private func confirmCloseoutPurchase(app: AppEnvironment, _ state: inout AppState) {
        guard let row = closeouts.cursorRow, let price = row.priceCents else {
            state.message = StatusMessage("no priced closeout under the cursor — press \(app.actions.key(.sync)) to fetch them", isError: true)
            return
        }
        let shown = TerminalText.escaped(DomainNameDisplay.shown(row.domain, unicode: app.unicode))
        var lines: [[Span]] = [[Span(MoneyText.balanceLine(spending: price, balanceCents: state.balanceCents, when: "after buying"))]]
        lines.append([Span("  \(shown)  "), Span(Cents.dollars(price), style: Style(.dialog, accent: .pending)),
                      Span(row.renewalCents.map { "  (renews at \(Cents.dollars($0))/yr)" } ?? "")])
        lines.append([Span("  Its price is read again first: a higher one is refused.")])
        let dialog = ConfirmDialog(title: "Buy closeout (spends money)", summary: "Buy \(shown) for \(Cents.dollars(price))?",
                                   lines: lines, isDangerous: true, confirmLabel: "Buy")
        let name = row.domain
        state.request = .confirm(dialog) { host in
            host.start(.buyCloseouts([name], totalCents: price))
        }
    }
}
