import Foundation

extension Theme {
    /// The environment variable naming a theme (below `--theme`, above config).
    public static let environmentVariable = "DYNAFOLIO_THEME"

    /// Picks the theme by precedence: `--theme` flag, then `DYNAFOLIO_THEME`,
    /// then the config file's value, then `default`. Each may be a name
    /// (`light`) or a path to a `.toml` file.
    public static func choose(
        flag: String?, config: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ThemeError) -> Theme {
        let candidates = [flag, environment[environmentVariable], config]
        let choice = candidates.compactMap { $0 }.first { !$0.isEmpty } ?? "default"
        return try load(choice, environment: environment)
    }

    /// Loads a theme by name (searched in ``searchDirectories(environment:)``)
    /// or by path (anything containing `/` or ending in `.toml`). `default`
    /// falls back to ``builtinDefault`` when no themes folder is found.
    public static func load(
        _ nameOrPath: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try loadFile(nameOrPath)
        }
        let directories = searchDirectories(environment: environment)
        for directory in directories {
            let path = directory + "/" + nameOrPath + ".toml"
            if FileManager.default.fileExists(atPath: path) { return try loadFile(path) }
        }
        if nameOrPath == "default" { return builtinDefault }
        let known = availableNames(environment: environment)
        throw ThemeError(
            file: nameOrPath, line: nil,
            message: "no such theme (available: \(known.joined(separator: ", "))); looked in \(directories.joined(separator: ", "))")
    }

    /// Reads and parses one theme file.
    public static func loadFile(_ path: String) throws(ThemeError) -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ThemeError(file: path, line: nil, message: "cannot read the theme file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, line: nil, message: "the theme file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Where themes are looked for, in order: `themes/` next to the
    /// executable and `../share/dynafolio/themes` (an installed binary),
    /// `$XDG_DATA_HOME/dynafolio/themes` (default `~/.local/share`), and the
    /// source tree this module was built from (`swift run`).
    public static func searchDirectories(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        var directories: [String] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let folder = executable.deletingLastPathComponent()
            directories.append(folder.appendingPathComponent("themes").path)
            directories.append(
                folder.deletingLastPathComponent().appendingPathComponent("share/dynafolio/themes").path)
        }
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            directories.append(dataHome + "/dynafolio/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(home + "/.local/share/dynafolio/themes")
        }
        directories.append(sourceTreeThemes)
        return directories
    }

    /// Theme names found in the search directories, plus `default`.
    public static func availableNames(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        var names: Set<String> = ["default"]
        for directory in searchDirectories(environment: environment) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for entry in entries where entry.hasSuffix(".toml") {
                names.insert(String(entry.dropLast(5)))
            }
        }
        return names.sorted()
    }

    /// `<package>/themes`, from this file's path at build time.
    static let sourceTreeThemes: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // TerminalUI
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("themes").path
    }()

    /// The compiled-in default theme: `themes/default.toml` as text, so an
    /// installed binary without its themes folder still looks right.
    public static let builtinDefault: Theme = {
        do {
            return try parse(BuiltinTheme.defaultTOML, file: "(built-in default theme)")
        } catch {
            // The text is a constant checked by a test against default.toml.
            preconditionFailure("built-in theme does not parse: \(error)")
        }
    }()
}
