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
    @Flag(help: "Print a JSON array (fields documented in the README).") var json = false
    @Flag(help: "Print CSV with a header row (every cached field; `dynafolio import` reads it back).") var csv = false
    @Option(help: "With --csv: only these columns, in this order, e.g. --fields name,expires,sale_price.") var fields: String?
    @Option(help: "A saved view from config.toml [views] (its filter and sort); QUERY narrows it further.") var view: String?
    /// Taken unconditionally, so the documented `--sort -expires` works.
    @Option(parsing: .unconditional, help: "Sort by name (the default), expires, tld, folder, renew, privacy, ns, sale or lock; prefix - or add :desc to reverse.")
    var sort: String?
    @Flag(name: .customLong("all-accounts"), help: "Every configured account's cache: JSON gains \"account\", the table and CSV an account column.")
    var allAccounts = false

    func validate() throws {
        if json && csv { throw ValidationError("give at most one of --json and --csv") }
        if let fields {
            guard csv else { throw ValidationError("--fields picks CSV columns; add --csv") }
            _ = try Self.csvColumns(fields)
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
        if json {
            try JSONOutput.emit(listed.map { JSONOutput.Domain(row: $0.row, pending: $0.pending, account: allAccounts ? $0.account : nil) })
        } else if csv {
            let columns = try Self.csvColumns(fields)
            let now = UTCDate.nowMs()
            var out = (allAccounts ? "account," : "") + columns.map(\.id).joined(separator: ",") + "\n"
            for (account, row, intents) in listed {
                out += (allAccounts ? account + "," : "") + columns.map { Self.csvField($0.value(row, intents, now)) }.joined(separator: ",") + "\n"
            }
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

    typealias CSVColumn = (id: String, value: @Sendable (DomainRow, [PendingField], Int64) -> String)

    /// Every CSV column, in the default order. `pending` holds only changes
    /// still to be sent; those a push could not make are in `failed` and
    /// `conflict` (kept last). Amounts are plain dollars (`1250.00`).
    static let allCSVColumns: [CSVColumn] = {
        func named(_ states: Set<IntentState>) -> @Sendable (DomainRow, [PendingField], Int64) -> String {
            { _, intents, _ in intents.filter { states.contains($0.state) }.map(\.field).joined(separator: " ") }
        }
        let money: @Sendable (Int64?) -> String = { cents in cents.map { Cents.format(cents: $0) } ?? "" }
        return [
            ("name", { row, _, _ in row.name }),
            ("name_unicode", { row, _, _ in row.nameUnicode }),
            ("expires", { row, _, _ in row.expiresMs.map(ValueDisplay.isoDate) ?? "" }),
            ("renew_option", { row, _, _ in row.renewOption.rawValue }),
            ("locked", { row, _, _ in String(row.locked) }),
            ("privacy", { row, _, _ in row.privacy.rawValue }),
            ("folder", { row, _, _ in row.folderName }),
            ("ns_type", { row, _, _ in row.nsType.rawValue }),
            ("nameservers", { row, _, _ in row.nameservers.joined(separator: " ") }),
            ("for_sale", { row, _, _ in String(row.forSale) }),
            ("note", { row, _, _ in row.note }),
            ("tld", { row, _, _ in row.tld }),
            ("registered", { row, _, _ in row.registeredMs.map(ValueDisplay.isoDate) ?? "" }),
            ("days_left", { row, _, now in row.expiresMs.map { String(UTCDate.daysLeft(until: $0, from: now)) } ?? "" }),
            ("sale_type", { row, _, _ in row.forSale ? row.saleType ?? "" : "" }),
            ("sale_price", { row, _, _ in row.forSale ? money(row.salePriceCents) : "" }),
            ("sale_min_offer", { row, _, _ in row.forSale ? money(row.saleMinOfferCents) : "" }),
            ("registrant_id", { row, _, _ in row.registrantID ?? "" }),
            ("admin_id", { row, _, _ in row.adminID ?? "" }),
            ("technical_id", { row, _, _ in row.technicalID ?? "" }),
            ("billing_id", { row, _, _ in row.billingID ?? "" }),
            ("status", { row, _, _ in row.status }),
            ("pending", named([.pending, .inflight])),
            ("failed", named([.failed])),
            ("conflict", named([.conflict])),
        ]
    }()

    /// The columns `--fields` names (all when nil); an unknown one is
    /// refused with the list.
    static func csvColumns(_ fields: String?) throws -> [CSVColumn] {
        guard let fields else { return allCSVColumns }
        let ids = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !ids.isEmpty else { throw ValidationError("--fields is empty; name columns like name,expires,sale_price") }
        return try ids.map { id in
            guard let column = allCSVColumns.first(where: { $0.id == id }) else {
                throw ValidationError("unknown field '\(TerminalText.escaped(id))'; fields: \(allCSVColumns.map(\.id).joined(separator: ", "))")
            }
            return column
        }
    }

    /// RFC 4180 quoting, after control characters are escaped (TerminalText).
    static func csvField(_ raw: String) -> String {
        let text = TerminalText.escaped(raw)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
