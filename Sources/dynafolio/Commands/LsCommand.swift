import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio ls [QUERY] [--view NAME] [--json | --csv] [--sort FIELD]`: list cached domains.
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
    @Flag(help: "Print a JSON array (every cached field; fields documented in the README).") var json = false
    @Flag(help: "Print CSV with a header row (every cached field; `dynafolio import` reads it back).") var csv = false
    @Option(help: "With --csv or --json: only these fields (CSV: in this order), e.g. --fields name,expires,sale_price.") var fields: String?
    @Option(help: "A saved view from config.toml [views] (its filter and sort); QUERY narrows it further.") var view: String?
    /// Taken unconditionally, so the documented `--sort -expires` works.
    @Option(parsing: .unconditional, help: "Sort by name (the default), expires, tld, folder, renew, privacy, ns, sale or lock; prefix - or add :desc to reverse.")
    var sort: String?
    @Flag(name: .customLong("all-accounts"), help: "Every configured account's cache: JSON gains \"account\", the table and CSV an account column.")
    var allAccounts = false

    func validate() throws {
        if json && csv { throw ValidationError("give at most one of --json and --csv") }
        if let fields {
            guard csv || json else { throw ValidationError("--fields picks the fields of --csv or --json; add one of them") }
            _ = try writer()
        }
        if let flag = query.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("Unknown option '\(flag)'; query terms start with a single '-' (e.g. -lock:yes)")
        }
    }

    func run() async throws {
        // An unknown view is refused before the cache is opened.
        let savedView = try view.map { try ViewsCommand.view(named: $0, in: AppConfiguration.load(requireChoice: !allAccounts)) }
        var text = query.joined(separator: " ")
        var sortText = sort ?? "name"
        if let saved = savedView {
            // The view's query grouped, so an OR in it does not reach the extra terms.
            if !saved.query.trimmingCharacters(in: .whitespaces).isEmpty {
                text = text.isEmpty ? saved.query : "(\(saved.query)) \(text)"
            }
            sortText = sort ?? saved.sort ?? "name"
        }
        let parsedQuery = try DomainSelection.parseQuery(text)
        let order = try DomainSort(parsing: sortText)
        let listed: [(account: String, row: DomainRow, pending: [PendingField])]
        if allAccounts {
            listed = try AllAccounts.rows(matching: parsedQuery, sort: order, in: AllAccounts.openCaches())
        } else {
            let context = try AppContext.open()
            let rows = try context.store.rows(matching: parsedQuery, sort: order)
            let pending = try context.store.pendingFields(for: rows.map(\.name))
            if rows.isEmpty, query.isEmpty, try context.store.count(matching: .all) == 0 {
                printError("the cache is empty; run `dynafolio sync` first")
            }
            listed = rows.map { (context.configuration.accountName, $0, pending[$0.name] ?? []) }
        }
        let accountWidth = allAccounts ? listed.map(\.account.count).max() ?? 0 : 0
        if json || csv {
            let writer = try writer()
            let out = writer.header + (try writer.body(listed, nowMs: UTCDate.nowMs(), first: true)) + writer.footer
            FileHandle.standardOutput.write(Data(out.utf8))
        } else {
            var out = ""
            for (account, row, intents) in listed {
                let marks = Self.marks(intents)
                let expires = row.expiresMs.map(ValueDisplay.isoDate) ?? "----------"
                let name = NameText.withASCII(row.name)
                if allAccounts { out += account.padding(toLength: accountWidth, withPad: " ", startingAt: 0) + "  " }
                out += "\(expires)  \(row.renewOption.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))  "
                    + "\(row.locked ? "L" : "-")  \(row.nsType.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0))  \(name)"
                    + (row.folderName.isEmpty ? "" : "  [\(TerminalText.escaped(row.folderName))]") + marks + "\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
            if isatty(STDOUT_FILENO) == 1 { printError("\(listed.count) domain\(listed.count == 1 ? "" : "s")") }
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

    /// The shared CSV / JSON writer with the `--fields` picked; an unknown
    /// field is refused with the list.
    private func writer() throws -> DomainExport.Writer {
        do {
            return try DomainExport.Writer(json ? .json : .csv, fields: fields.map { $0.split(separator: ",").map(String.init) },
                                           withAccount: allAccounts)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
