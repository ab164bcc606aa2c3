/// A single-line text field with a cursor: the filter line, form fields,
/// and the inside of ``CommandLineInput``.
///
/// Keys: characters insert; Left/Right, Home/End (C-a/C-e) move;
/// Backspace/Delete (C-d) delete; C-u deletes to the start, C-k to the end,
/// C-w the word before the cursor; Enter submits; Esc cancels.
///
/// ```swift
/// var filter = TextInput()
/// switch filter.handle(key) {
/// case .changed: refilter(filter.text)
/// case .submitted, .cancelled: closeFilter()
/// case .moved, .ignored: break
/// }
/// filter.render(into: &screen, rect: line, prompt: "/")
/// ```
public struct TextInput: Hashable, Sendable {
    /// The text, as grapheme clusters (the cursor moves over whole characters).
    public private(set) var characters: [Character]
    /// Insertion point, 0…characters.count.
    public private(set) var cursor: Int

    public init(text: String = "") {
        self.characters = Array(text)
        self.cursor = characters.count
    }

    /// The text; setting it puts the cursor at the end.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// The same input with every character drawn as `•`, the cursor where
    /// it was: a secret (an auth code) as it is typed, never shown.
    public var masked: TextInput {
        var copy = self
        copy.characters = Array(repeating: "•", count: characters.count)
        return copy
    }

    /// What a key did.
    public enum Outcome: Hashable, Sendable {
        /// The text changed.
        case changed
        /// Only the cursor moved.
        case moved
        /// Enter.
        case submitted
        /// Esc.
        case cancelled
        /// Not an editing key (e.g. Up, Tab): the caller may use it.
        case ignored
    }

    /// Applies an editing key.
    public mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .char(let c):
            characters.insert(c, at: cursor)
            cursor += 1
            return .changed
        case .left: return move(to: cursor - 1)
        case .right: return move(to: cursor + 1)
        case .home, .ctrl("a"): return move(to: 0)
        case .end, .ctrl("e"): return move(to: characters.count)
        case .backspace:
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            cursor -= 1
            return .changed
        case .delete, .ctrl("d"):
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            return .changed
        case .ctrl("u"):
            guard cursor > 0 else { return .ignored }
            characters.removeSubrange(0..<cursor)
            cursor = 0
            return .changed
        case .ctrl("k"):
            guard cursor < characters.count else { return .ignored }
            characters.removeSubrange(cursor...)
            return .changed
        case .ctrl("w"):
            return deleteWordBackward()
        case .enter: return .submitted
        case .escape: return .cancelled
        default: return .ignored
        }
    }

    private mutating func move(to index: Int) -> Outcome {
        let clamped = min(max(0, index), characters.count)
        guard clamped != cursor else { return .ignored }
        cursor = clamped
        return .moved
    }

    /// Deletes the spaces before the cursor, then the word before them
    /// (shell C-w).
    private mutating func deleteWordBackward() -> Outcome {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        guard start < cursor else { return .ignored }
        characters.removeSubrange(start..<cursor)
        cursor = start
        return .changed
    }

    /// Draws `prompt` and the text on the first line of `rect`, scrolled
    /// sideways so the cursor is visible, and places the screen's cursor
    /// when `showsCursor`.
    public func render(
        into screen: inout Screen, rect: Rect, prompt: String = "", style: Style = Style(.input),
        showsCursor: Bool = true
    ) {
        let line = rect.line(0)
        guard !line.isEmpty else { return }
        screen.fill(line, style: style)
        let promptWidth = screen.put(prompt, at: line.origin, style: style, maxWidth: line.width)
        let room = line.width - promptWidth
        guard room > 0 else { return }
        // Leave one column for the cursor after the last character.
        let widths = characters.map(DisplayWidth.of)
        var start = 0
        var beforeCursor = widths[0..<cursor].reduce(0, +)
        while beforeCursor > room - 1, start < cursor {
            beforeCursor -= widths[start]
            start += 1
        }
        let shown = String(characters[start...])
        screen.put(shown, at: Point(row: line.row, col: line.col + promptWidth), style: style, maxWidth: room)
        if showsCursor {
            screen.cursor = Point(row: line.row, col: line.col + promptWidth + beforeCursor)
        }
    }
}
