/// A semantic role a cell is drawn in ("header", "cursor", "expiry-30d"…).
/// A ``Theme`` maps each role to colours and attributes; widgets and panes
/// only ever name roles, so a theme change never touches drawing code.
///
/// The raw value is the key used in theme files (`[roles.expiry-30d]`).
public struct Role: Hashable, Sendable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ name: String) { self.rawValue = name }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// Text with no particular role: the terminal's own colours.
    public static let plain: Role = "plain"
    public static let header: Role = "header"
    public static let row: Role = "row"
    public static let rowAlt: Role = "row-alt"
    public static let cursor: Role = "cursor"
    public static let selected: Role = "selected"
    public static let pending: Role = "pending"
    public static let conflict: Role = "conflict"
    public static let error: Role = "error"
    public static let ok: Role = "ok"
    public static let dim: Role = "dim"
    public static let expiryOverdue: Role = "expiry-overdue"
    public static let expiry30d: Role = "expiry-30d"
    public static let expiry90d: Role = "expiry-90d"
    public static let chartBar: Role = "chart-bar"
    public static let statusBar: Role = "status-bar"
    public static let tabActive: Role = "tab-active"
    public static let tab: Role = "tab"
    public static let footerKey: Role = "footer-key"
    public static let footer: Role = "footer"
    public static let dialog: Role = "dialog"
    public static let dialogBorder: Role = "dialog-border"
    public static let input: Role = "input"
    public static let helpKey: Role = "help-key"

    /// Every role a complete theme defines; theme files may only name these.
    public static let all: [Role] = [
        .plain, .header, .row, .rowAlt, .cursor, .selected, .pending, .conflict, .error, .ok,
        .dim, .expiryOverdue, .expiry30d, .expiry90d, .chartBar, .statusBar, .tabActive, .tab,
        .footerKey, .footer, .dialog, .dialogBorder, .input, .helpKey,
    ]
}

/// Text attributes. Mapped to `A_*` by the ncurses backend.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)

    /// Theme-file names, in the order they are written in dumps.
    public static let names: [(String, Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse),
        ("underline", .underline), ("italic", .italic),
    ]

    /// Names of the set attributes (`["bold", "reverse"]`).
    public var names: [String] {
        Attributes.names.filter { contains($0.1) }.map(\.0)
    }
}

/// How a cell is drawn: a base ``Role`` (background, foreground, attributes)
/// and optionally an accent role whose foreground and attributes are laid
/// over it — e.g. an overdue expiry date (`accent: .expiryOverdue`) in the
/// cursor row (`role: .cursor`) keeps the cursor's background.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var accent: Role?

    public init(_ role: Role, accent: Role? = nil) {
        self.role = role
        self.accent = accent
    }

    public static let plain = Style(.plain)
}
