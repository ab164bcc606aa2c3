import TerminalUI

/// The one table of actions: key dispatch, the `?` overlay, footer hints and
/// the README's key list all come from it. Keys are remapped from
/// `config.toml` `[keys]` (action id → key names).
///
/// ```swift
/// let table = try ActionTable(overrides: ["select-all": ["*", "A"]])
/// table.action(for: [.char("*")], scope: .domains)   // .selectAll
/// ```
public struct ActionTable: Sendable {
    public private(set) var specs: [ActionSpec]
    /// Parsed key sequences per action.
    private var sequences: [Action: [[KeyEvent]]] = [:]

    /// The default table with `overrides` applied; an unknown action id or
    /// key name is an error naming it.
    public init(overrides: [String: [String]] = [:]) throws(ActionTableError) {
        specs = Self.defaults
        for (id, keys) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = specs.firstIndex(where: { $0.action.rawValue == id }) else {
                throw ActionTableError(message: "[keys]: unknown action '\(id)'; known: \(specs.map(\.action.rawValue).joined(separator: ", "))")
            }
            specs[index].keys = keys
        }
        for spec in specs {
            var parsed: [[KeyEvent]] = []
            for key in spec.keys {
                guard let sequence = Self.parse(key) else {
                    throw ActionTableError(message: "[keys]: '\(key)' for \(spec.action.rawValue) is not a key; write e.g. j, Down, C-f, Space, F5, gv")
                }
                parsed.append(sequence)
            }
            sequences[spec.action] = parsed
        }
        try checkConflicts()
    }

    /// Every scope the table knows, in help and README order: global first,
    /// then the panes in tab order.
    public var scopes: [ActionScope] {
        var out: [ActionScope] = []
        for spec in specs where !out.contains(spec.scope) { out.append(spec.scope) }
        return out
    }

    /// A key that means two things in one pane (its own keys plus the global
    /// ones) is refused, naming both actions.
    private func checkConflicts() throws(ActionTableError) {
        for scope in scopes where scope != .global {
            var seen: [[KeyEvent]: Action] = [:]
            for spec in specs where spec.scope == .global || spec.scope == scope {
                for (name, keys) in zip(spec.keys, sequences[spec.action] ?? []) {
                    if let other = seen[keys], other != spec.action {
                        throw ActionTableError(message: "[keys]: '\(name)' is bound to both \(other.rawValue) and \(spec.action.rawValue) in the \(scope.title); give one of them another key")
                    }
                    seen[keys] = spec.action
                }
            }
        }
    }

    /// The row of `action`; nil for an id no pane declares.
    public func spec(_ action: Action) -> ActionSpec? {
        specs.first { $0.action == action }
    }

    /// The action bound to exactly `keys` in `scope` (pane keys win over
    /// global ones).
    public func action(for keys: [KeyEvent], scope: ActionScope) -> Action? {
        for wanted in [scope, .global] {
            for spec in specs where spec.scope == wanted {
                if sequences[spec.action]?.contains(keys) == true { return spec.action }
            }
        }
        return nil
    }

    /// Whether `keys` begins a longer bound sequence (e.g. `g` of `gv`).
    public func isPrefix(_ keys: [KeyEvent], scope: ActionScope) -> Bool {
        specs.contains { spec in
            (spec.scope == scope || spec.scope == .global)
                && sequences[spec.action]?.contains { $0.count > keys.count && Array($0.prefix(keys.count)) == keys } == true
        }
    }

    /// `press 7 (Queue) to review and push`: a message names the key the
    /// user bound to `action` (after `[keys]`), never a fixed one; an
    /// action left without a key reads `open Queue to review and push`.
    public func press(_ action: Action, _ name: String, to purpose: String) -> String {
        guard let key = spec(action)?.keys.first else { return "open \(name) to \(purpose)" }
        return "press \(key) (\(name)) to \(purpose)"
    }

    /// The first key bound to `action` (`r`), or `:` when none is: the
    /// command line reaches every action.
    public func key(_ action: Action) -> String {
        spec(action)?.keys.first ?? ":"
    }

    /// `Domains (1)`: a pane named with the key that shows it.
    public func pane(_ action: Action, _ name: String) -> String {
        guard let key = spec(action)?.keys.first else { return name }
        return "\(name) (\(key))"
    }

    /// `press 7 (Queue) to review and push`, the end of every queued-edit
    /// message.
    public var reviewHint: String { press(.showQueue, "Queue", to: "review and push") }

    /// `j / Down` for help and footers.
    public func keyLabel(_ action: Action) -> String {
        spec(action)?.keys.joined(separator: " / ") ?? ""
    }

    /// Footer hints for a pane: its hinted actions, then the global ones.
    public func hints(scope: ActionScope) -> [KeyFooter.Hint] {
        let ordered = specs.filter { $0.scope == scope } + specs.filter { $0.scope == .global }
        return ordered.compactMap { spec in
            guard let hint = spec.hint, let key = spec.keys.first else { return nil }
            return KeyFooter.Hint(key: key, label: hint)
        }
    }

    /// The `?` overlay's sections: global keys, then the pane's.
    public func helpSections(scope: ActionScope) -> [HelpOverlay.Section] {
        let scopes: [ActionScope] = scope == .global ? [.global] : [.global, scope]
        return scopes.map { scope in
            HelpOverlay.Section(title: scope.title, entries: specs.filter { $0.scope == scope }.map {
                HelpOverlay.Entry(keys: $0.keys.joined(separator: " "), description: $0.description + ($0.isDangerous ? " (asks first)" : ""))
            })
        }
    }

    /// The key list as Markdown tables, one per scope, for the README.
    public func markdown() -> String {
        var out: [String] = []
        for scope in scopes {
            out.append("### \(scope.title)\n")
            out.append("| Keys | Action | `[keys]` id |")
            out.append("|---|---|---|")
            for spec in specs where spec.scope == scope {
                let keys = spec.keys.map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")
                out.append("| \(keys) | \(spec.description)\(spec.isDangerous ? " (asks first)" : "") | `\(spec.action.rawValue)` |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Parses a key name: a named key (`Down`, `PgDn`, `Space`, `Esc`,
    /// `Enter`, `Tab`, `S-Tab`, `F5`, `C-f`), one character, or a sequence of
    /// characters (`gv`).
    public static func parse(_ name: String) -> [KeyEvent]? {
        let named: [String: KeyEvent] = [
            "Up": .up, "Down": .down, "Left": .left, "Right": .right, "Home": .home, "End": .end,
            "PgUp": .pageUp, "PgDn": .pageDown, "Backspace": .backspace, "Del": .delete, "Ins": .insert,
            "Enter": .enter, "Tab": .tab, "S-Tab": .backTab, "Esc": .escape, "Space": .char(" "),
        ]
        if let key = named[name] { return [key] }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last { return [.ctrl(Character(c.lowercased()))] }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { return [.function(n)] }
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return name.map { KeyEvent.char($0) }
    }
}

/// A bad `[keys]` entry.
public struct ActionTableError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
