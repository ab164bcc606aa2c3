import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio ls [QUERY] [--json | --csv] [--sort FIELD]`: list cached domains.
struct LsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List cached domains, optionally filtered by a query.",
        discussion: "Works offline. QUERY uses the TUI's filter language, e.g. 'tld:com exp:<30d -lock:yes'."
    )

    /// The query words. Taken with `.allUnrecognized`, so a term that
    /// starts with `-` (`-lock:yes`) is a query term, not an unknown flag;
    /// `validate` still refuses words that look like long options.
    @Argument(parsing: .allUnrecognized, help: "Filter query (quote it); a leading -term negates, e.g. -lock:yes.") var query: [String] = []
    @Flag(help: "Print a JSON array (fields documented in the README).") var json = false
    @Flag(help: "Print CSV with a header row.") var csv = false
    /// Taken unconditionally, so the documented `--sort -expires` works.
    @Option(parsing: .unconditional, help: "Sort by name, expires, tld, folder, renew, privacy, ns, sale or lock; prefix - or add :desc to reverse.")
    var sort: String = "name"

    func validate() throws {
        if json && csv { throw ValidationError("give at most one of --json and --csv") }
        if let flag = query.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("Unknown option '\(flag)'; query terms start with a single '-' (e.g. -lock:yes)")
        }
    }

    func run() async throws {
        let parsedQuery = try DomainSelection.parseQuery(query.joined(separator: " "))
        let order = try DomainSort(parsing: sort)
        let context = try AppContext.open()
        let rows = try context.store.rows(matching: parsedQuery, sort: order)
        let pending = try context.store.pendingFields(for: rows.map(\.name))
        if rows.isEmpty, query.isEmpty, try context.store.count(matching: .all) == 0 {
            printError("the cache is empty; run `dynafolio sync` first")
        }
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.Domain(row: $0, pending: pending[$0.name] ?? []) })
        } else if csv {
            // `pending` holds only changes still to be sent; those a push
            // could not make are in `failed` and `conflict` (added at the end).
            var out = "name,name_unicode,expires,renew_option,locked,privacy,folder,ns_type,nameservers,for_sale,note,pending,failed,conflict\n"
            for row in rows {
                let intents = pending[row.name] ?? []
                func named(_ states: Set<IntentState>) -> String {
                    intents.filter { states.contains($0.state) }.map(\.field).joined(separator: " ")
                }
                let fields = [row.name, row.nameUnicode, row.expiresMs.map(ValueDisplay.isoDate) ?? "",
                              row.renewOption.rawValue, String(row.locked), row.privacy.rawValue, row.folderName,
                              row.nsType.rawValue, row.nameservers.joined(separator: " "), String(row.forSale), row.note,
                              named([.pending, .inflight]), named([.failed]), named([.conflict])]
                out += fields.map(Self.csvField).joined(separator: ",") + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        } else {
            var out = ""
            for row in rows {
                let marks = Self.marks(pending[row.name] ?? [])
                let expires = row.expiresMs.map(ValueDisplay.isoDate) ?? "----------"
                let name = NameText.withASCII(row.name)
                out += "\(expires)  \(row.renewOption.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))  "
                    + "\(row.locked ? "L" : "-")  \(row.nsType.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(name)"
                    + (row.folderName.isEmpty ? "" : "  [\(TerminalText.escaped(row.folderName))]") + marks + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            if isatty(STDOUT_FILENO) == 1 { printError("\(rows.count) domain\(rows.count == 1 ? "" : "s")") }
        }
    }

    /// `  *pending` for changes waiting to be pushed (or being sent),
    /// `  !failed` and `  !conflict` for those a push could not make.
    static func marks(_ fields: [PendingField]) -> String {
        let states = Set(fields.map(\.state))
        var marks = ""
        if states.contains(.pending) || states.contains(.inflight) { marks += "  *pending" }
        if states.contains(.failed) { marks += "  !failed" }
        if states.contains(.conflict) { marks += "  !conflict" }
        return marks
    }

    /// RFC 4180 quoting, after control characters are escaped (TerminalText).
    static func csvField(_ raw: String) -> String {
        let text = TerminalText.escaped(raw)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
