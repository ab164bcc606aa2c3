import PortfolioStore
import SyncEngine
import TerminalUI

/// Drawing the whole frame: tabs, the active pane, progress, status bar,
/// footer (or the command line), and any overlay.
extension PortfolioApp {
    struct Layout {
        var tabs: Rect
        var body: Rect
        var status: Rect
        var footer: Rect
    }

    /// Tab bar on top, status bar and footer at the bottom, the pane between.
    static func layout(_ size: Size) -> Layout {
        let screen = Rect(size: size)
        let (tabs, rest) = screen.splitTop(1)
        let (middle, footer) = rest.splitBottom(1)
        let (body, status) = middle.splitBottom(1)
        return Layout(tabs: tabs, body: body, status: status, footer: footer)
    }

    /// Draws one frame. Pure apart from the panes reading their visible rows.
    /// The most letters (3 down to 1) of the inactive tabs' titles that fit
    /// `width` in a compact tab bar, whichever tab is active.
    static func shortTitleLetters(full: [String], short: (Int) -> [String], width: Int) -> Int {
        for letters in stride(from: 3, to: 1, by: -1) {
            let labels = short(letters)
            // Whichever tab is active (shown whole), the others fit.
            let fits = full.indices.allSatisfy { active in
                var shown = labels
                shown[active] = full[active]
                return TabBar.width(shown, active: active, compact: true) <= width
            }
            if fits { return letters }
        }
        return 1
    }

    /// The first `letters` characters of `title`, or more until no other
    /// of `titles` starts the same way (`Acq` and `Acc`, not `Ac` twice).
    static func distinctPrefix(of title: String, among titles: [String], letters: Int) -> Substring {
        var count = letters
        while count < title.count, titles.contains(where: { $0 != title && $0.hasPrefix(title.prefix(count)) }) {
            count += 1
        }
        return title.prefix(count)
    }

    public func render(into screen: inout Screen) {
        let size = screen.size
        if size.rows < Self.minimumSize.rows || size.cols < Self.minimumSize.cols {
            screen.put(DisplayWidth.truncate("terminal too small (need 80×24)", to: size.cols), at: Point(row: 0, col: 0), style: Style(.error))
            screen.put(DisplayWidth.truncate("now \(size) · q quits", to: size.cols), at: Point(row: min(1, size.rows - 1), col: 0), style: Style(.dim))
            return
        }
        let layout = Self.layout(size)
        let badges = panes.map { $0.tabBadge(state) }
        let numbers = panes.indices.map { PaneRegistry.numberKey($0).map { "\($0) " } ?? "" }
        // Short titles keep three letters (`7 Que (3)`): with eight or more
        // tabs at 80 columns a bare number says too little. With ten or
        // more, as many letters as let every tab fit, and never two alike
        // (`9 Acq`, `0 Acc`).
        let titles = panes.map(\.title)
        func short(_ index: Int, _ letters: Int) -> String {
            numbers[index] + Self.distinctPrefix(of: titles[index], among: titles, letters: letters) + badges[index]
        }
        let letters = Self.shortTitleLetters(full: panes.indices.map { numbers[$0] + titles[$0] + badges[$0] },
                                             short: { letters in panes.indices.map { short($0, letters) } },
                                             width: layout.tabs.width)
        TabBar(tabs: panes.indices.map { index in
            TabBar.Tab(numbers[index] + titles[index] + badges[index], short: short(index, letters))
        }, active: active).render(into: &screen, rect: layout.tabs)

        var body = layout.body
        if let bar = state.push ?? state.sync ?? state.queueing {
            let (rest, line) = body.splitBottom(1)
            body = rest
            bar.render(into: &screen, rect: line, style: Style(.statusBar))
        }
        for each in panes { each.noteWidth(body.width) }
        if showsOneAccountOnly {
            renderOneAccountNotice(into: &screen, rect: body)
        } else {
            pane.render(into: &screen, rect: body, app: environment, state: state)
        }
        statusBar.render(into: &screen, rect: layout.status)
        renderFooter(into: &screen, rect: layout.footer, above: layout.status.row)
        if let (open, _) = dialog { open.render(into: &screen, area: layout.body) }
        if let help { help.render(into: &screen, area: layout.body) }
        accountPicker?.render(into: &screen, area: layout.body)
    }

    /// The status bar. When it does not fit, segments drop by priority:
    /// progress, the queue, failures and offline outlast the position and
    /// the selection, which outlast the account, the balance and the cache age.
    var statusBar: StatusBar {
        typealias Item = StatusBar.Item
        var left: [Item] = [Item(Span(state.accountName.isEmpty ? (environment.hasAccount ? "account" : "no account") : state.accountName),
                                 priority: 30)]
        if let accounts = environment.accounts {
            left.insert(Item(Span("[\(accounts.name)]", style: Style(.statusBar, accent: .pending)), priority: 90), at: 0)
        }
        left.append(Item(Span(state.lastSyncMs.map { "cache \(environment.age(since: $0))" } ?? "never synced"), priority: 20))
        // `read-only` is only a cache that cannot be written (a newer
        // schema, a read-only file); without a key edits still queue.
        if environment.store.readOnlyReason != nil {
            left.append(Item(Span("read-only", style: Style(.statusBar, accent: .error)), priority: 82))
        } else if !environment.hasAccount {
            left.append(Item(Span("no key", style: Style(.statusBar, accent: .dim)), priority: 55))
        } else if state.offline {
            left.append(Item(Span("offline", style: Style(.statusBar, accent: .error)), priority: 80))
        } else {
            left.append(Item(Span("online", style: Style(.statusBar, accent: .ok)), priority: 10))
        }
        if let balance = state.balanceCents { left.append(Item(Span(MoneyText.balance(balance)), priority: 25)) }
        var right: [Item] = []
        if let sync = state.sync {
            right.append(Item(Span("\(sync.label) \(sync.done)\(sync.total > 0 ? "/\(sync.total)" : "")", style: Style(.statusBar, accent: .pending)),
                              priority: 90))
        }
        if let push = state.push {
            // The label carries the time left on a long push (`push · 2 min left`).
            let left = push.label.hasPrefix("push ·") ? String(push.label.dropFirst(4)) : ""
            right.append(Item(Span("pushing \(push.done)/\(push.total)\(left)", style: Style(.statusBar, accent: .pending)), priority: 95))
        }
        if state.failedCount + state.conflictCount > 0 {
            right.append(Item(Span("\(state.failedCount + state.conflictCount) failed", style: Style(.statusBar, accent: .error)), priority: 85))
        }
        if state.watchNews > 0 {
            right.append(Item(Span("watch: \(state.watchNews) new", style: Style(.statusBar, accent: .ok)), priority: 75))
        }
        if let position = pane.position {
            right.append(Item(Span("\(NumberText.grouped(position.index))/\(NumberText.grouped(position.total))"), priority: 60))
        }
        right.append(Item(Span("\(NumberText.grouped(state.selection.count)) selected"), priority: 70))
        right.append(Item(Span("queue \(NumberText.grouped(state.queueSize))", style: state.queueSize > 0 ? Style(.statusBar, accent: .pending) : nil),
                          priority: 88))
        return StatusBar(items: left, right: right)
    }

    /// The most lines a message takes at the bottom of the screen.
    static let messageLines = 4

    /// The footer line: the command line, a message (a long one above
    /// the status bar, whose top row is `above`), or the key hints.
    private func renderFooter(into screen: inout Screen, rect: Rect, above: Int) {
        if let commandLine {
            commandLine.render(into: &screen, rect: rect)
        } else if let message = state.message {
            let style = Style(.footer, accent: message.isError ? .error : .ok)
            var lines = DisplayWidth.wrap(message.text, to: rect.width - 2)
            guard lines.count > 1 else {
                screen.fill(rect, style: Style(.footer))
                screen.put(" " + message.text, at: rect.origin, style: style, maxWidth: rect.width)
                return
            }
            // A message longer than the line takes up to four lines above the
            // status bar (as vim does), never cut mid-word, and the footer keeps
            // the keys; `:messages` has it whole.
            if lines.count > Self.messageLines {
                lines = Array(lines.prefix(Self.messageLines))
                let more = " … (:messages)"
                lines[lines.count - 1] = DisplayWidth.prefix(lines[lines.count - 1], width: rect.width - 2 - DisplayWidth.of(more)) + more
            }
            for (index, line) in lines.enumerated() {
                let row = above - lines.count + index
                guard row >= 0 else { continue }
                let lineRect = Rect(row: row, col: rect.col, width: rect.width, height: 1)
                screen.fill(lineRect, style: Style(.footer))
                screen.put(" " + line, at: lineRect.origin, style: style, maxWidth: rect.width)
            }
            KeyFooter(hints: environment.actions.hints(scope: pane.scope)).render(into: &screen, rect: rect)
        } else {
            KeyFooter(hints: environment.actions.hints(scope: pane.scope)).render(into: &screen, rect: rect)
        }
    }
}
