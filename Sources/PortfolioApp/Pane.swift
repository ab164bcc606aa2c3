import TerminalUI

/// What a key handler did; the loop decides what to repaint (htop's flags).
public struct PaneFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The key meant something here.
    public static let handled = PaneFlags(rawValue: 1 << 0)
    /// The pane's data must be read again from the store before drawing.
    public static let reload = PaneFlags(rawValue: 1 << 1)
    /// Leave the app.
    public static let quit = PaneFlags(rawValue: 1 << 2)
}

/// One tab of the TUI. A new pane is one file that fills this in (and a
/// ``PaneRegistration`` listed in ``PaneRegistry``). Handlers compute and
/// return flags; they never draw.
protocol Pane: AnyObject {
    /// The tab title (`Domains`).
    var title: String { get }
    /// Which pane-scoped actions apply (the scope of its registration).
    var scope: ActionScope { get }
    /// Reads what the pane shows from the store (cheap: counts and the
    /// visible window only). A failed read throws: the app shows its cause
    /// on the message line.
    func refresh(_ app: AppEnvironment, state: AppState) throws
    /// Draws into `rect`.
    func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState)
    /// Handles an action of the table (moving and pane actions).
    func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags
    /// Handles a key no action claims, or every key while the pane has an
    /// open input (see ``capturesKeys``).
    func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags
    /// True while the pane's own input (e.g. the filter line) takes every key.
    var capturesKeys: Bool { get }
    /// Domain names the cursor is on (for actions without a selection).
    var cursorDomain: String? { get }
    /// The `:` verbs this pane answers, whichever pane is shown.
    var verbs: [CommandVerb] { get }
    /// Text after the tab title (the Queue pane's ` (12)`).
    func tabBadge(_ state: AppState) -> String
    /// The cursor row's 1-based position and the row count, shown in the
    /// status bar (`1,234/50,000`); `nil` for a pane without rows.
    var position: (index: Int, total: Int)? { get }
    /// A fetch the pane wants now that it was read or drawn (run only with
    /// an account), e.g. the prices of the listings on screen.
    func automaticJob(_ app: AppEnvironment) -> BackgroundJob?
    /// The width of the body the panes are drawn in, before each frame.
    func noteWidth(_ width: Int)
}

extension Pane {
    func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags { [] }
    var capturesKeys: Bool { false }
    var cursorDomain: String? { nil }
    var verbs: [CommandVerb] { [] }
    func tabBadge(_ state: AppState) -> String { "" }
    var position: (index: Int, total: Int)? { nil }

    /// The 1-based position of `cursor` among `count` rows (0 of 0 when empty).
    static func position(_ cursor: Int, of count: Int) -> (index: Int, total: Int) {
        (count == 0 ? 0 : min(cursor, count - 1) + 1, count)
    }
    func automaticJob(_ app: AppEnvironment) -> BackgroundJob? { nil }
    func noteWidth(_ width: Int) {}
}
