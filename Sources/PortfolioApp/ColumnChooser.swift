import TerminalUI

/// Which of the Domains pane's optional columns show (`[columns]` in
/// config.toml: `note = false`), and how a new choice is kept.
public struct ColumnSettings: Sendable {
    /// Column id → shown; ids not listed are shown.
    public var shown: [String: Bool]
    /// Writes a choice to `[columns]`; `nil` keeps it for this session only
    /// (the demo has no configuration of its own).
    public var save: (@Sendable ([String: Bool]) throws -> Void)?

    public init(shown: [String: Bool] = [:], save: (@Sendable ([String: Bool]) throws -> Void)? = nil) {
        self.shown = shown
        self.save = save
    }
}

/// The column chooser (`C` in the Domains pane): a list of the optional
/// columns, `Space` toggles the cursor one, `Enter` keeps the choice, `Esc`
/// drops it.
struct ColumnChooser {
    /// The columns offered, by id and title, in table order.
    let columns: [(id: String, title: String)]
    var shown: Set<String>
    /// Whether `Enter` writes the choice to config.toml (the demo keeps it
    /// for the session only), so the hint says what `Enter` really does.
    var keepsInConfig = true
    var cursor = 0

    enum Outcome { case none, done, cancelled }

    mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .char("j"), .down: cursor = min(columns.count - 1, cursor + 1)
        case .char("k"), .up: cursor = max(0, cursor - 1)
        case .char(" "), .char("x"):
            let id = columns[cursor].id
            if shown.contains(id) { shown.remove(id) } else { shown.insert(id) }
        case .enter: return .done
        case .escape, .char("q"): return .cancelled
        default: break
        }
        return .none
    }

    func render(into screen: inout Screen, area: Rect) {
        let hint = "Space shows / hides · Enter keeps it " + (keepsInConfig ? "in config.toml" : "for this session") + " · Esc"
        let width = min(area.width - 2, max(DisplayWidth.of(hint), 24) + 4)
        let box = area.centered(width: width, height: min(area.height, columns.count + 4))
        guard box.height >= 5 else { return }
        screen.drawBox(box, style: Style(.dialog), border: Style(.dialogBorder), title: "Columns")
        let inner = box.inset(dx: 2, dy: 1)
        for (index, column) in columns.enumerated() where index < inner.height - 1 {
            let mark = shown.contains(column.id) ? "[x] " : "[ ] "
            screen.put(mark + column.title, at: Point(row: inner.row + index, col: inner.col),
                       style: index == cursor ? Style(.cursor) : Style(.dialog), maxWidth: inner.width)
        }
        screen.put(DisplayWidth.truncate(hint, to: inner.width), at: Point(row: inner.bottom - 1, col: inner.col),
                   style: Style(.dialog, accent: .dim))
    }
}
