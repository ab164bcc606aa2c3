import PortfolioStore
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
    public func render(into screen: inout Screen) {
        let size = screen.size
        if size.rows < Self.minimumSize.rows || size.cols < Self.minimumSize.cols {
            screen.put(DisplayWidth.truncate("terminal too small (need 80×24)", to: size.cols), at: Point(row: 0, col: 0), style: Style(.error))
            screen.put(DisplayWidth.truncate("now \(size) · q quits", to: size.cols), at: Point(row: min(1, size.rows - 1), col: 0), style: Style(.dim))
            return
        }
        let layout = Self.layout(size)
        TabBar(tabs: panes.enumerated().map { index, tab in
            let badge = tab.tabBadge(state)
            return TabBar.Tab("\(index + 1) \(tab.title)\(badge)", short: "\(index + 1) \(tab.title.prefix(3))\(badge)")
        }, active: active).render(into: &screen, rect: layout.tabs)

        var body = layout.body
        if let bar = state.push ?? state.sync ?? state.queueing {
            let (rest, line) = body.splitBottom(1)
            body = rest
            bar.render(into: &screen, rect: line, style: Style(.statusBar))
        }
        for each in panes { each.noteWidth(body.width) }
        pane.render(into: &screen, rect: body, app: environment, state: state)
        statusBar.render(into: &screen, rect: layout.status)
        renderFooter(into: &screen, rect: layout.footer)
        if let (open, _) = dialog { open.render(into: &screen, area: layout.body) }
        if let help { help.render(into: &screen, area: layout.body) }
    }

    var statusBar: StatusBar {
        var left: [Span] = [Span(state.accountName.isEmpty ? (environment.hasAccount ? "account" : "no account") : state.accountName)]
        left.append(Span(state.lastSyncMs.map { "cache \(environment.age(since: $0))" } ?? "never synced"))
        if !environment.hasAccount {
            left.append(Span("read-only", style: Style(.statusBar, accent: .dim)))
        } else if state.offline {
            left.append(Span("offline", style: Style(.statusBar, accent: .error)))
        } else {
            left.append(Span("online", style: Style(.statusBar, accent: .ok)))
        }
        if let balance = state.balanceCents { left.append(Span(MoneyText.balance(balance))) }
        var right: [Span] = []
        if let sync = state.sync { right.append(Span("\(sync.label) \(sync.done)\(sync.total > 0 ? "/\(sync.total)" : "")", style: Style(.statusBar, accent: .pending))) }
        if let push = state.push {
            // The label carries the time left on a long push (`push · 2 min left`).
            let left = push.label.hasPrefix("push ·") ? String(push.label.dropFirst(4)) : ""
            right.append(Span("pushing \(push.done)/\(push.total)\(left)", style: Style(.statusBar, accent: .pending)))
        }
        if state.failedCount + state.conflictCount > 0 {
            right.append(Span("\(state.failedCount + state.conflictCount) failed", style: Style(.statusBar, accent: .error)))
        }
        right.append(Span("\(state.selection.count) selected"))
        right.append(Span("queue \(state.queueSize)", style: state.queueSize > 0 ? Style(.statusBar, accent: .pending) : nil))
        return StatusBar(left: left, right: right)
    }

    private func renderFooter(into screen: inout Screen, rect: Rect) {
        if let commandLine {
            commandLine.render(into: &screen, rect: rect)
        } else if let message = state.message {
            screen.fill(rect, style: Style(.footer))
            screen.put(DisplayWidth.truncate(" " + message.text, to: rect.width), at: rect.origin,
                       style: Style(.footer, accent: message.isError ? .error : .ok))
        } else {
            KeyFooter(hints: environment.actions.hints(scope: pane.scope)).render(into: &screen, rect: rect)
        }
    }
}
