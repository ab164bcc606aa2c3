import TOMLKit

extension Theme {
    /// Parses a theme file's text. `file` names it in errors.
    ///
    /// Format (every key optional; roles left out are drawn plain):
    /// ```toml
    /// name = "default"
    /// [roles.header]
    /// fg = { c256 = 231, c16 = "bright-white" }  # or "default", "red", 1
    /// bg = { c256 = 24, c16 = "blue" }
    /// attrs = ["bold"]                            # bold dim reverse underline italic
    /// mono = ["bold", "underline"]                # attributes when colour is off
    /// ```
    public static func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: error.description)
        } catch {
            throw ThemeError(file: file, line: nil, message: "not a TOML file: \(error)")
        }
        let lines = SourceLines(text)
        var name = Self.baseName(of: file)
        var roles: [Role: RoleStyle] = [:]
        for key in table.keys {
            switch key {
            case "name":
                guard let value = table[key]?.string else {
                    throw ThemeError(file: file, line: lines.key(key), message: "'name' must be a string")
                }
                name = value
            case "description":
                continue
            case "roles":
                guard let rolesTable = table[key]?.table else {
                    throw ThemeError(file: file, line: lines.key(key), message: "'roles' must be a table")
                }
                for roleName in rolesTable.keys {
                    let role = Role(roleName)
                    let roleLine = lines.role(roleName)
                    guard Role.all.contains(role) else {
                        throw ThemeError(
                            file: file, line: roleLine,
                            message: "unknown role '\(roleName)' (known: \(Role.all.map(\.rawValue).joined(separator: ", ")))")
                    }
                    guard let spec = rolesTable[roleName]?.table else {
                        throw ThemeError(file: file, line: roleLine, message: "role '\(roleName)' must be a table")
                    }
                    roles[role] = try parseRole(spec, named: roleName, file: file, lines: lines, from: roleLine ?? 1)
                }
            default:
                throw ThemeError(
                    file: file, line: lines.key(key),
                    message: "unknown key '\(key)' (expected name, description, [roles.*])")
            }
        }
        return Theme(name: name, roles: roles)
    }

    private static func parseRole(
        _ spec: TOMLTable, named roleName: String, file: String, lines: SourceLines, from roleLine: Int
    ) throws(ThemeError) -> RoleStyle {
        var style = RoleStyle()
        for key in spec.keys {
            let line = lines.key(key, from: roleLine)
            guard let value = spec[key] else { continue }
            switch key {
            case "fg":
                style.foreground = try parseColor(value, file: file, line: line, lines: lines, from: roleLine)
            case "bg":
                style.background = try parseColor(value, file: file, line: line, lines: lines, from: roleLine)
            case "attrs":
                style.attributes = try parseAttributes(value, file: file, line: line, lines: lines, from: roleLine)
            case "mono":
                style.monochromeAttributes = try parseAttributes(
                    value, file: file, line: line, lines: lines, from: roleLine)
            default:
                throw ThemeError(
                    file: file, line: line,
                    message: "unknown key '\(key)' in role '\(roleName)' (expected fg, bg, attrs, mono)")
            }
        }
        return style
    }

    private static func parseColor(
        _ value: any TOMLValueConvertible, file: String, line: Int?, lines: SourceLines, from start: Int
    ) throws(ThemeError) -> ThemeColor {
        if let text = value.string {
            if text.lowercased() == "default" { return .terminalDefault }
            guard let index = ThemeColor.ansiIndex(named: text) else {
                throw ThemeError(
                    file: file, line: lines.quoted(text, from: start) ?? line,
                    message: "unknown colour '\(text)' (use \"default\", an ANSI name like \"bright-blue\", or { c256 = N, c16 = \"name\" })")
            }
            return .indexed(c256: index, c16: index)
        }
        if let number = value.int {
            guard (0..<16).contains(number) else {
                throw ThemeError(
                    file: file, line: line,
                    message: "colour \(number) needs a 16-colour fallback: write { c256 = \(number), c16 = \"name\" }")
            }
            return .indexed(c256: number, c16: number)
        }
        if let table = value.table {
            guard let c256 = table["c256"]?.int, (0..<256).contains(c256) else {
                throw ThemeError(file: file, line: line, message: "'c256' must be a colour index 0–255")
            }
            guard let fallback = table["c16"] else {
                throw ThemeError(file: file, line: line, message: "colour \(c256) needs 'c16', its 16-colour fallback")
            }
            if let number = fallback.int, (0..<16).contains(number) {
                return .indexed(c256: c256, c16: number)
            }
            if let text = fallback.string, let index = ThemeColor.ansiIndex(named: text) {
                return .indexed(c256: c256, c16: index)
            }
            let shown = fallback.string ?? fallback.int.map(String.init) ?? "?"
            throw ThemeError(
                file: file, line: fallback.string.flatMap { lines.quoted($0, from: start) } ?? line,
                message: "unknown 16-colour fallback '\(shown)' (use an ANSI name like \"blue\" or 0–15)")
        }
        throw ThemeError(file: file, line: line, message: "a colour must be a string, a number or { c256, c16 }")
    }

    private static func parseAttributes(
        _ value: any TOMLValueConvertible, file: String, line: Int?, lines: SourceLines, from start: Int
    ) throws(ThemeError) -> Attributes {
        guard let array = value.array else {
            throw ThemeError(file: file, line: line, message: "attributes must be a list like [\"bold\"]")
        }
        var attributes: Attributes = []
        for element in array {
            guard let name = element.string else {
                throw ThemeError(file: file, line: line, message: "attributes must be strings")
            }
            guard let attribute = Attributes.names.first(where: { $0.0 == name.lowercased() })?.1 else {
                throw ThemeError(
                    file: file, line: lines.quoted(name, from: start) ?? line,
                    message: "unknown attribute '\(name)' (known: \(Attributes.names.map(\.0).joined(separator: ", ")))")
            }
            attributes.insert(attribute)
        }
        return attributes
    }

    static func baseName(of file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        return last.hasSuffix(".toml") ? String(last.dropLast(5)) : last
    }
}

/// Finds the line a key or value sits on, since TOMLKit's tables do not
/// keep source positions for values (only its parse errors carry a line).
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The header line of `[roles.NAME]` (or a `roles.NAME` dotted key).
    func role(_ name: String) -> Int? {
        first(from: 1) { line in
            let stripped = line.filter { $0 != " " && $0 != "\t" && $0 != "\"" }
            return stripped.hasPrefix("[roles.\(name)]") || stripped.hasPrefix("roles.\(name).")
                || stripped.hasPrefix("roles.\(name)=")
        }
    }

    /// The first line at or after `start` assigning `key`.
    func key(_ key: String, from start: Int = 1) -> Int? {
        first(from: start) { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix(key) else { return false }
            return trimmed.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }.first == "="
        }
    }

    /// The first line at or after `start` containing `"text"`.
    func quoted(_ text: String, from start: Int) -> Int? {
        first(from: start) { $0.contains("\"\(text)\"") }
    }

    private func first(from start: Int, where matches: (Substring) -> Bool) -> Int? {
        var number = max(1, start)
        while number <= lines.count {
            let line = lines[number - 1]
            let code = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? line
            if matches(code) { return number }
            number += 1
        }
        return nil
    }
}
