import Foundation

/// Writes the column chooser's choice into config.toml's `[columns]` table,
/// leaving every other line of the file (the key, `[keys]`, comments) as it
/// was. A file it creates is private (0600), as the key may go in it later.
enum ColumnsConfig {
    static func save(_ shown: [String: Bool], to path: String) throws {
        let manager = FileManager.default
        let existing = manager.fileExists(atPath: path) ? try String(contentsOfFile: path, encoding: .utf8) : nil
        let text = replacingColumns(in: existing ?? "", with: shown)
        if existing == nil {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard manager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ConfigurationError(description: "cannot create \(path)")
            }
        } else {
            // Written in place, so the file keeps its mode and owner.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
        }
    }

    /// `text` without its `[columns]` table (header to the next table) and
    /// with the new one at the end.
    static func replacingColumns(in text: String, with shown: [String: Bool]) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "[columns]" }) {
            let end = lines[(start + 1)...].firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") } ?? lines.count
            lines.removeSubrange(start..<end)
        }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        var result = lines.joined(separator: "\n")
        if !result.isEmpty { result += "\n\n" }
        result += "# Domains pane columns (the column chooser, C, writes this table).\n[columns]\n"
        for (column, flag) in shown.sorted(by: { $0.key < $1.key }) { result += "\(column) = \(flag)\n" }
        return result
    }
}
