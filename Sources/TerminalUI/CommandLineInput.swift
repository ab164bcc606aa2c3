/// The `:` command line: a ``TextInput`` with a history walked with Up/Down.
/// (Not named `CommandLine`, which would shadow the standard library's.)
///
/// ```swift
/// var commandLine = CommandLineInput(history: savedHistory)
/// if case .submitted(let command) = commandLine.handle(key) { run(command) }
/// commandLine.render(into: &screen, rect: bottomLine)
/// ```
public struct CommandLineInput: Hashable, Sendable {
    public private(set) var input: TextInput
    /// Earlier commands, oldest first.
    public private(set) var history: [String]
    /// The longest history kept; older entries are dropped.
    public var historyLimit: Int
    public var prompt: String

    /// Which history entry is shown (`nil`: the line being typed).
    private var historyIndex: Int?
    /// The line being typed, kept while walking the history.
    private var draft = ""

    public init(history: [String] = [], prompt: String = ":", historyLimit: Int = 200) {
        self.input = TextInput()
        self.history = Array(history.suffix(historyLimit))
        self.prompt = prompt
        self.historyLimit = historyLimit
    }

    /// The text on the line now.
    public var text: String { input.text }

    public enum Outcome: Hashable, Sendable {
        /// The line changed (typed, deleted, or a history entry recalled).
        case edited
        /// Enter: the command (also added to the history); the line is cleared.
        case submitted(String)
        /// Esc: the line is cleared.
        case cancelled
        /// Neither an editing nor a history key.
        case ignored
    }

    public mutating func handle(_ key: KeyEvent) -> Outcome {
        switch key {
        case .up:
            guard !history.isEmpty else { return .ignored }
            if historyIndex == nil { draft = input.text }
            let next = (historyIndex ?? history.count) - 1
            guard next >= 0 else { return .ignored }
            historyIndex = next
            input.text = history[next]
            return .edited
        case .down:
            guard let index = historyIndex else { return .ignored }
            if index + 1 < history.count {
                historyIndex = index + 1
                input.text = history[index + 1]
            } else {
                historyIndex = nil
                input.text = draft
            }
            return .edited
        default:
            break
        }
        switch input.handle(key) {
        case .changed, .moved:
            return .edited
        case .submitted:
            let command = input.text
            remember(command)
            reset()
            return .submitted(command)
        case .cancelled:
            reset()
            return .cancelled
        case .ignored:
            return .ignored
        }
    }

    /// Adds a command to the history (not blanks, not a repeat of the last).
    public mutating func remember(_ command: String) {
        guard !command.allSatisfy(\.isWhitespace), history.last != command else { return }
        history.append(command)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    private mutating func reset() {
        input = TextInput()
        historyIndex = nil
        draft = ""
    }

    /// Draws the prompt and the line into the first line of `rect` and places
    /// the cursor.
    public func render(into screen: inout Screen, rect: Rect, style: Style = Style(.input)) {
        input.render(into: &screen, rect: rect, prompt: prompt, style: style)
    }
}
