import DynadotAPI
import SyncEngine
import TerminalUI

/// A live name filter for a list view (`/`): every keystroke filters, Enter
/// keeps the filter and closes the line, Esc clears it. The words go
/// through ``NameFilter`` like the CLI's `auction ls WORD…`.
struct NameFilterLine {
    private(set) var text = ""
    /// The line while it is open.
    private(set) var input: TextInput?

    var isOpen: Bool { input != nil }
    var filter: NameFilter { NameFilter(text) }

    mutating func open() { input = TextInput(text: text) }

    /// Feeds a key to the open line; true when the filter changed.
    mutating func handle(_ key: KeyEvent) -> Bool {
        guard var line = input else { return false }
        let outcome = line.handle(key)
        input = line
        switch outcome {
        case .changed:
            text = line.text.trimmingCharacters(in: .whitespaces)
            return true
        case .submitted:
            input = nil
        case .cancelled:
            input = nil
            let had = !text.isEmpty
            text = ""
            return had
        case .moved, .ignored:
            break
        }
        return false
    }

    /// The view's header line: the open filter line on the left, else
    /// `summary` (with the filter words when set).
    func render(into screen: inout Screen, rect: Rect, summary: String) {
        screen.fill(rect, style: Style(.input))
        if let input {
            let (left, right) = rect.splitRight(min(rect.width / 2, DisplayWidth.of(summary) + 1))
            input.render(into: &screen, rect: left, prompt: "/")
            screen.put(DisplayWidth.truncate(summary, to: right.width), at: right.origin, style: Style(.input, accent: .dim))
            return
        }
        let shown = summary + (text.isEmpty ? "" : " · /\(TerminalText.escaped(text))")
        screen.put(DisplayWidth.truncate(shown, to: rect.width), at: rect.origin, style: Style(.input, accent: .dim))
    }
}
