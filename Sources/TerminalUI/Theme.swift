/// A colour as a theme file states it: the terminal's own default, or a
/// 256-colour index with a 16-colour fallback (ANSI indexes 0–15).
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background (`"default"`).
    case terminalDefault
    /// `c256` is used on 256-colour terminals, `c16` on 16- and 8-colour ones.
    case indexed(c256: Int, c16: Int)

    /// The 16 ANSI colour names accepted in theme files, by index.
    public static let ansiNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// The index of an ANSI colour name (`"grey"`/`"gray"` mean bright-black).
    public static func ansiIndex(named name: String) -> Int? {
        let lowered = name.lowercased()
        if lowered == "grey" || lowered == "gray" { return 8 }
        return ansiNames.firstIndex(of: lowered)
    }
}

/// What a theme says about one role.
public struct RoleStyle: Hashable, Sendable {
    /// Foreground; `nil` means not set (the terminal default, and an accent
    /// with no foreground keeps the base role's).
    public var foreground: ThemeColor?
    /// Background; `nil` means not set (the terminal default).
    public var background: ThemeColor?
    /// Attributes drawn when colour is available.
    public var attributes: Attributes
    /// Attributes drawn instead when colour is off (`NO_COLOR`, monochrome
    /// terminal); `nil` means the same as ``attributes``. A colour theme sets
    /// this for roles that are told apart only by colour (cursor, selected).
    public var monochromeAttributes: Attributes?

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil,
        attributes: Attributes = [], monochromeAttributes: Attributes? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.monochromeAttributes = monochromeAttributes
    }
}

/// How many colours the terminal can show (after `NO_COLOR`).
public enum ColorMode: Hashable, Sendable {
    case colors256, colors16, colors8, monochrome

    /// The mode for a terminal reporting `colors` colours. `NO_COLOR` set to
    /// any non-empty value turns colour off (no-color.org).
    public static func detect(
        colors: Int, hasColors: Bool = true, environment: [String: String]
    ) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors else { return .monochrome }
        if colors >= 256 { return .colors256 }
        if colors >= 16 { return .colors16 }
        if colors >= 8 { return .colors8 }
        return .monochrome
    }
}

/// A style as the terminal will draw it: colour indexes (`nil` = the
/// terminal's default) and attributes.
public struct ResolvedStyle: Hashable, Sendable, CustomStringConvertible {
    public var foreground: Int?
    public var background: Int?
    public var attributes: Attributes

    public init(foreground: Int? = nil, background: Int? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// `fg=red bg=24 bold`, or `plain` when nothing is set. Indexes 0–15 are
    /// written by their ANSI name.
    public var description: String {
        var parts: [String] = []
        if let foreground { parts.append("fg=\(Self.colorName(foreground))") }
        if let background { parts.append("bg=\(Self.colorName(background))") }
        parts.append(contentsOf: attributes.names)
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }

    private static func colorName(_ index: Int) -> String {
        index >= 0 && index < 16 ? ThemeColor.ansiNames[index] : String(index)
    }
}

/// Role → colours and attributes. Load one with ``Theme/load(_:environment:)``
/// or ``Theme/parse(_:file:)``; ``Theme/builtinDefault`` is compiled in.
public struct Theme: Hashable, Sendable {
    /// The theme's name (`name = "…"` in the file, else the file's base name).
    public var name: String
    /// The roles this theme defines. Roles it leaves out are drawn like
    /// ``Role/plain``.
    public var roles: [Role: RoleStyle]

    public init(name: String, roles: [Role: RoleStyle]) {
        self.name = name
        self.roles = roles
    }

    /// What `style` looks like in `mode`. The accent role contributes its
    /// foreground (when set) and attributes on top of the base role.
    public func resolve(_ style: Style, mode: ColorMode) -> ResolvedStyle {
        let base = roles[style.role] ?? roles[.plain] ?? RoleStyle()
        let accent = style.accent.flatMap { roles[$0] }
        guard mode != .monochrome else {
            var attributes = base.monochromeAttributes ?? base.attributes
            if let accent {
                let over = accent.monochromeAttributes ?? accent.attributes
                // A reversed accent on a reversed base (a ≤ 30 day date in
                // the cursor row) shows as a gap in the bar: absorbed into
                // it, it would look like the row with another accent. The
                // same holds with colours (below).
                let gap = attributes.contains(.reverse) && over.contains(.reverse)
                attributes.formUnion(over)
                if gap { attributes.remove(.reverse) }
            }
            return ResolvedStyle(attributes: attributes)
        }
        var attributes = base.attributes
        var foreground = base.foreground
        if let accent {
            let gap = attributes.contains(.reverse) && accent.attributes.contains(.reverse)
            attributes.formUnion(accent.attributes)
            if gap { attributes.remove(.reverse) }
            if let accentForeground = accent.foreground { foreground = accentForeground }
        }
        let fg = Self.index(foreground, mode: mode)
        let bg = Self.index(base.background, mode: mode)
        // 8-colour terminals show the bright half of the palette as bold.
        if mode == .colors8, case .indexed(_, let c16)? = foreground, c16 >= 8 {
            attributes.insert(.bold)
        }
        return ResolvedStyle(foreground: fg, background: bg, attributes: attributes)
    }

    private static func index(_ color: ThemeColor?, mode: ColorMode) -> Int? {
        guard case .indexed(let c256, let c16)? = color else { return nil }
        switch mode {
        case .colors256: return c256
        case .colors16: return c16
        case .colors8: return c16 % 8
        case .monochrome: return nil
        }
    }
}
