/// Why a theme could not be used. The description is the message for the
/// user: `themes/bad.toml:7: unknown role 'heder'`.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The theme file (as given or found), or the theme name when no file was found.
    public var file: String
    /// 1-based line in `file`, when the problem is on a line.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
