/// A centred confirmation box: a title, a count line ("Set name servers on
/// 120 domains — 2 API calls"), a scrollable list of diff lines and Yes/No
/// buttons. Dangerous dialogs (money, deletion) draw the border in the
/// `error` role and start with No focused; `startsOnNo` starts others on
/// No too (a push changing many domains).
///
/// Keys: `y` confirms, `n`/Esc/`q` cancel, Enter presses the focused button,
/// Left/Right/Tab/`h`/`l` move focus, Up/Down/`j`/`k`/PgUp/PgDn/`g`/`G`
/// scroll the lines.
///
/// ```swift
/// var dialog = ConfirmDialog(title: "Push 3 batches", summary: "120 domains · 3 API calls",
///                            lines: diff.map { [Span($0)] }, isDangerous: false)
/// if dialog.handle(key, area: body) == .confirmed { push() }
/// dialog.render(into: &screen, area: body)
/// ```
public struct ConfirmDialog: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case confirm, cancel }

    public enum Outcome: Hashable, Sendable {
        case confirmed
        case cancelled
        /// Focus moved, the lines scrolled, or the key meant nothing here.
        case none
    }

    public var title: String
    public var summary: String
    public var lines: [[Span]]
    public var isDangerous: Bool
    public var confirmLabel: String
    public var cancelLabel: String
    public private(set) var focus: Button
    public private(set) var scrollOffset = 0

    public init(
        title: String, summary: String, lines: [[Span]] = [], isDangerous: Bool = false,
        confirmLabel: String = "Yes", cancelLabel: String = "No", startsOnNo: Bool? = nil
    ) {
        self.title = title
        self.summary = summary
        self.lines = lines
        self.isDangerous = isDangerous
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.focus = (startsOnNo ?? isDangerous) ? .cancel : .confirm
    }

    /// The widest the box gets.
    public static let maxWidth = 72
    /// The room for a line in the widest box (inside the border and margins).
    public static let maxLineWidth = maxWidth - 4

    /// The box's rectangle when shown over `area`: up to 72 columns wide,
    /// as tall as its lines need and `area` allows.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width - 2, Self.maxWidth)
        // border, summary, blank, lines, position/blank, buttons, border
        let height = min(area.height - 2, lines.count + 6)
        return area.centered(width: width, height: height)
    }

    /// How many diff lines are visible in `area`.
    public func visibleLines(in area: Rect) -> Int {
        max(0, frame(in: area).height - 6)
    }

    public mutating func handle(_ key: KeyEvent, area: Rect) -> Outcome {
        switch key {
        case .char("y"), .char("Y"): return .confirmed
        case .char("n"), .char("N"), .char("q"), .escape: return .cancelled
        case .enter: return focus == .confirm ? .confirmed : .cancelled
        case .left, .right, .tab, .backTab, .char("h"), .char("l"):
            focus = focus == .confirm ? .cancel : .confirm
            return .none
        default:
            let visible = visibleLines(in: area)
            if let offset = ScrollPosition.offset(after: key, current: scrollOffset, visible: visible, total: lines.count) {
                scrollOffset = offset
            }
            return .none
        }
    }

    public func render(into screen: inout Screen, area: Rect) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 4 else { return }
        let base = Style(.dialog)
        let border = isDangerous ? Style(.dialogBorder, accent: .error) : Style(.dialogBorder)
        screen.drawBox(box, style: base, border: border, title: title)
        let inner = box.inset(dx: 2, dy: 1)
        guard inner.width > 0 else { return }
        screen.put(
            DisplayWidth.truncate(summary, to: inner.width), at: inner.origin,
            style: isDangerous ? Style(.dialog, accent: .error) : base)
        let visible = visibleLines(in: area)
        let offset = min(scrollOffset, max(0, lines.count - visible))
        for (index, line) in lines.dropFirst(offset).prefix(visible).enumerated() {
            screen.put(
                truncated(line, to: inner.width), at: Point(row: inner.row + 2 + index, col: inner.col),
                base: base, maxWidth: inner.width)
        }
        if let position = ScrollPosition.label(offset: offset, visible: visible, total: lines.count) {
            let text = DisplayWidth.truncate("\(position) · ↑↓ scroll", to: inner.width)
            screen.put(
                text, at: Point(row: inner.bottom - 2, col: inner.right - DisplayWidth.of(text)),
                style: Style(.dialog, accent: .dim))
        }
        renderButtons(into: &screen, row: inner.bottom - 1, inner: inner)
    }

    private func renderButtons(into screen: inout Screen, row: Int, inner: Rect) {
        let confirm = "[ \(confirmLabel) ]"
        let cancel = "[ \(cancelLabel) ]"
        let total = DisplayWidth.of(confirm) + 3 + DisplayWidth.of(cancel)
        var col = inner.col + max(0, (inner.width - total) / 2)
        let focused = isDangerous ? Style(.cursor, accent: .error) : Style(.cursor)
        col += screen.put(
            confirm, at: Point(row: row, col: col), style: focus == .confirm ? focused : Style(.dialog),
            maxWidth: inner.right - col)
        col += 3
        screen.put(
            cancel, at: Point(row: row, col: col), style: focus == .cancel ? Style(.cursor) : Style(.dialog),
            maxWidth: max(0, inner.right - col))
    }
}
