import Foundation
import PortfolioApp

/// Writes the column chooser's choice into config.toml's `[columns]` table,
/// leaving every other line of the file (the key, `[keys]`, comments) as it
/// was. A file it creates is private (0600), as the key may go in it later.
enum ColumnsConfig {
    static func save(_ shown: [String: Bool], to path: String) throws {
        try ConfigFile.update(path) { replacingColumns(in: $0, with: shown) }
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
