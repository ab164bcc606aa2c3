import Foundation
import PortfolioStore

/// A saved view: a filter in the query language and, optionally, a sort
/// (`[views]` in config.toml: `expiring-com = "tld:com exp:<60d"`, or
/// `by-expiry = { query = "tld:com", sort = "expires:desc" }`).
public struct SavedView: Sendable, Equatable {
    public var query: String
    /// `expires:desc` and the like (``DomainSort/init(parsing:)``); nil keeps the sort as it is.
    public var sort: String?

    public init(query: String, sort: String? = nil) {
        self.query = query
        self.sort = sort
    }

    /// The sort as `:save-view` writes it: nil for the default (by name, A to Z).
    public static func sortText(_ sort: DomainSort) -> String? {
        sort == .byName ? nil : sort.field.rawValue + (sort.descending ? ":desc" : "")
    }
}

/// The saved views (`[views]`) and how a new one is kept.
public struct ViewSettings: Sendable {
    public var views: [String: SavedView]
    /// Writes one view into `[views]`; `nil` keeps it for this session only
    /// (the demo has no configuration of its own).
    public var save: (@Sendable (String, SavedView) throws -> Void)?

    public init(views: [String: SavedView] = [:], save: (@Sendable (String, SavedView) throws -> Void)? = nil) {
        self.views = views
        self.save = save
    }
}

/// A view name that cannot be saved or is not saved, with what to do.
public struct SavedViewError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// Reading and writing `[views]` in config.toml. Writing edits the text, so
/// comments and every other line stay as they were, and the file keeps its
/// mode (a file it creates is 0600, as the key may go in it later).
public enum SavedViews {
    /// The longest view name accepted.
    public static let maxNameLength = 40

    /// Refuses a name that is not a TOML bare key (letters, digits, `-`, `_`).
    public static func check(name: String) throws(SavedViewError) {
        guard !name.isEmpty else {
            throw SavedViewError(description: "a view needs a name, e.g. :save-view expiring-com")
        }
        let allowed = name.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_" }
        guard allowed, name.count <= maxNameLength else {
            throw SavedViewError(description: "'\(name)' cannot name a view; use up to \(maxNameLength) letters, digits, - and _, e.g. expiring-com")
        }
    }

    /// The message for a name that is not saved: the saved names, or how to save one.
    public static func unknown(_ name: String, among views: [String: SavedView]) -> SavedViewError {
        guard !views.isEmpty else {
            return SavedViewError(description: "no view named '\(name)': no views are saved yet; add one to [views] in config.toml"
                + " (expiring-com = \"tld:com exp:<60d\") or run :save-view NAME in the TUI")
        }
        return SavedViewError(description: "no view named '\(name)'; saved views: \(views.keys.sorted().joined(separator: ", "))")
    }

    /// Writes `view` as `name` into `[views]` of the file at `path` (creating
    /// the file or the table when missing; replacing a view of that name).
    public static func save(_ name: String, _ view: SavedView, to path: String) throws {
        try check(name: name)
        try ConfigFile.update(path) { replacing(name, with: view, in: $0) }
    }

    /// `text` with `name = …` set in its `[views]` table, every other line kept.
    public static func replacing(_ name: String, with view: SavedView, in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let entry = "\(name) = \(value(view))"
        if let start = lines.firstIndex(where: { isHeader($0, "views") }) {
            let end = lines[(start + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") } ?? lines.count
            if let existing = lines[(start + 1)..<end].firstIndex(where: { key(of: $0) == name }) {
                lines[existing] = entry
            } else {
                // After the table's last non-blank line, before the blank lines that part it from the next.
                var at = end
                while at > start + 1, lines[at - 1].trimmingCharacters(in: .whitespaces).isEmpty { at -= 1 }
                lines.insert(entry, at: at)
            }
            return lines.joined(separator: "\n")
        }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        var result = lines.joined(separator: "\n")
        if !result.isEmpty { result += "\n\n" }
        return result + "# Saved views of the Domains pane (:view NAME, :save-view NAME, dynafolio ls --view NAME).\n[views]\n\(entry)\n"
    }

    /// A TOML value for the view: a string, or an inline table with its sort.
    static func value(_ view: SavedView) -> String {
        guard let sort = view.sort else { return tomlString(view.query) }
        return "{ query = \(tomlString(view.query)), sort = \(tomlString(sort)) }"
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    public static func tomlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func isHeader(_ line: String, _ table: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[\(table)]") else { return false }
        let rest = trimmed.dropFirst(table.count + 2).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty || rest.hasPrefix("#")
    }

    /// The bare or quoted key a `key = value` line sets, if any.
    private static func key(of line: String) -> String? {
        guard let equals = line.firstIndex(of: "=") else { return nil }
        var key = line[..<equals].trimmingCharacters(in: .whitespaces)
        if key.hasPrefix("#") { return nil }
        if key.count >= 2, key.first == "\"" || key.first == "'", key.last == key.first { key = String(key.dropFirst().dropLast()) }
        return key
    }
}

/// Rewrites config.toml through a text edit: an existing file is written in
/// place, so it keeps its mode and owner; a new one is created 0600.
public enum ConfigFile {
    public static func update(_ path: String, _ edit: (String) -> String) throws {
        let manager = FileManager.default
        let existing = manager.fileExists(atPath: path) ? try String(contentsOfFile: path, encoding: .utf8) : nil
        let text = edit(existing ?? "")
        if existing == nil {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard manager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw SavedViewError(description: "cannot create \(path)")
            }
        } else {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
        }
    }
}
