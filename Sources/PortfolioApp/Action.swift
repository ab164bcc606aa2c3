/// What a key can do in the TUI: an id that is also the name used in
/// `config.toml` `[keys]` (`select-all = ["*", "A"]`). The app's own
/// actions are below; each pane declares its own next to its code, so a new
/// pane adds ids without touching this file.
public struct Action: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The `[keys]` id (`select-all`).
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// `Action("dns-add")`: the id as written in `[keys]`.
    public init(_ id: String) { self.init(rawValue: id) }
    public var description: String { rawValue }
}

extension Action {
    // The app's own actions; each pane declares its ids in its `+Actions` file.
    // Panes
    public static let nextPane = Action("next-pane")
    public static let previousPane = Action("previous-pane")
    // Moving
    public static let down = Action("down")
    public static let up = Action("up")
    public static let top = Action("top")
    public static let bottom = Action("bottom")
    public static let pageDown = Action("page-down")
    public static let pageUp = Action("page-up")
    // Global
    public static let help = Action("help")
    public static let quit = Action("quit")
    public static let sync = Action("sync")
    public static let commandLine = Action("command-line")
    public static let switchAccount = Action("switch-account")
}

/// Where an action's keys work: everywhere, or in one pane (each pane
/// declares its scope beside its code).
public struct ActionScope: Sendable, Hashable {
    /// A stable id (`domains`).
    public let id: String
    /// The heading in the help overlay and the README (`Domains pane`).
    public let title: String

    /// `ActionScope("dns", title: "DNS pane")`.
    public init(_ id: String, title: String) {
        self.id = id
        self.title = title
    }

    /// Everywhere (unless a prompt or dialog has the keys).
    public static let global = ActionScope("global", title: "Everywhere")
}

/// One row of the action table.
public struct ActionSpec: Sendable {
    public var action: Action
    /// Default keys, written as in help (`j`, `Down`, `C-f`, `Space`, `gv`).
    public var keys: [String]
    public var scope: ActionScope
    public var description: String
    /// Short label for the footer; `nil` keeps the action out of the footer.
    public var hint: String?
    /// Asks for confirmation or spends money.
    public var isDangerous: Bool
    /// Why the action cannot run now (`nil`: it can).
    public var disabledReason: @Sendable (AppState) -> String?

    public init(_ action: Action, _ keys: [String], _ scope: ActionScope, _ description: String,
                hint: String? = nil, dangerous: Bool = false,
                disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) {
        self.action = action
        self.keys = keys
        self.scope = scope
        self.description = description
        self.hint = hint
        self.isDangerous = dangerous
        self.disabledReason = disabled
    }
}
