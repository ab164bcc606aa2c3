import TerminalUI

/// The account picker (the switch-account key): the configured accounts,
/// the shown one marked, then "All accounts" (every account's domains at
/// once); `Enter` switches to the cursor one, `Esc` closes.
struct AccountPicker {
    let names: [String]
    let current: String
    var cursor: Int

    init(_ accounts: AccountChoice) {
        names = accounts.names + [AllAccountsView.name]
        current = accounts.name
        cursor = names.firstIndex(of: accounts.name) ?? 0
    }

    enum Outcome { case none, chosen(String), cancelled }

    mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .char("j"), .down: cursor = min(names.count - 1, cursor + 1)
        case .char("k"), .up: cursor = max(0, cursor - 1)
        case .enter: return .chosen(names[cursor])
        case .escape, .char("q"): return .cancelled
        default: break
        }
        return .none
    }

    func render(into screen: inout Screen, area: Rect) {
        let hint = "Enter switches · Esc"
        let labels = names.map { $0 == AllAccountsView.name ? AllAccountsView.title : $0 }
        let width = min(area.width - 2, max(DisplayWidth.of(hint), (labels.map { DisplayWidth.of($0) }.max() ?? 0) + 2, 24) + 4)
        let box = area.centered(width: width, height: min(area.height, names.count + 4))
        guard box.height >= 5 else { return }
        screen.drawBox(box, style: Style(.dialog), border: Style(.dialogBorder), title: "Accounts")
        let inner = box.inset(dx: 2, dy: 1)
        for (index, name) in names.enumerated() where index < inner.height - 1 {
            screen.put((name == current ? "* " : "  ") + labels[index], at: Point(row: inner.row + index, col: inner.col),
                       style: index == cursor ? Style(.cursor) : Style(.dialog), maxWidth: inner.width)
        }
        screen.put(DisplayWidth.truncate(hint, to: inner.width), at: Point(row: inner.bottom - 1, col: inner.col),
                   style: Style(.dialog, accent: .dim))
    }
}
