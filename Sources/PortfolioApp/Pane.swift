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

/// One tab of the TUI. A new pane is one file that fills this in.
/// Handlers compute and return flags; they never draw.
public protocol Pane: AnyObject {
    /// The tab title (`Domains`).
    var title: String { get }
    /// Which pane-scoped actions apply (`.domains`, `.queue`, or `.global`
    /// for panes with only the common keys).
    var scope: ActionScope { get }
    /// Reads what the pane shows from the store (cheap: counts and the
    /// visible window only).
    func refresh(_ app: AppEnvironment, state: AppState)
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
}

extension Pane {
    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags { [] }
    public var capturesKeys: Bool { false }
    public var cursorDomain: String? { nil }
}
