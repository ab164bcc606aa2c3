import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio search NAME… | --file FILE [--json] [--cached]`: availability
/// and registration prices.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Check whether domains are available to register, with prices.",
        discussion: """
        Names come from the arguments and from --file (one per line; `#` starts a comment; `-` reads \
        standard input). IDNs are sent as punycode. A regular account searches one name per call, bulk \
        and super bulk accounts 100 (the tier `sync` read from account_info, else `tier` in the config). \
        Every answer is cached with its time; --cached prints the cached answers without asking Dynadot. \
        --watch-add also puts the names on the watchlist (with --note), before searching.
        """
    )

    @Argument(help: "Domain names, e.g. example.com münchen.de.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?
    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "Print the cached answers (with their age) without asking Dynadot.") var cached = false
    @Flag(name: .customLong("watch-add"), help: "Also add the names to the watchlist (`dynafolio watch`).") var watchAdd = false
    @Option(help: "With --watch-add: the note kept with the names.") var note: String?

    func validate() throws {
        if note != nil && !watchAdd { throw ValidationError("--note goes with --watch-add (or use `dynafolio watch add NAME… --note TEXT`)") }
    }

    func run() async throws {
        let wanted = try Self.names(arguments: names, file: file)
        let context = try AppContext.open()
        if watchAdd {
            // Before asking Dynadot: a failed search loses none of the names.
            if json {
                if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
                do { try context.engine.watch(wanted, note: note) } catch let error as SyncError { throw CLIFailure.usage(error.description) }
            } else {
                try WatchAddCommand.add(wanted, note: note, context)
            }
        }
        let rows: [AvailabilityRow]
        if cached {
            rows = try context.store.availability(of: wanted)
            let missing = Set(wanted).subtracting(rows.map(\.name))
            if !missing.isEmpty {
                printError("never searched: \(missing.sorted().map(NameText.shown).joined(separator: ", ")) — run without --cached to ask Dynadot")
            }
        } else {
            if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
            try context.requireAccount()
            let printer = ProgressPrinter(quiet: json)
            do {
                rows = try await context.engine.searchAvailability(wanted, configuredTier: context.configuration.tier) { done, total in
                    printer.update(step: "search", done: done, total: total)
                }
            } catch {
                printer.finish()
                throw error
            }
            printer.finish()
        }
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.Availability(row: $0, nowMs: now) })
            return
        }
        let width = max(6, rows.map { NameText.shown($0.name).count }.max() ?? 6)
        print(Self.padded("DOMAIN", width) + "  STATUS     PRICE/YEAR  CHECKED")
        for row in rows {
            let price: String = row.priceCents.map(Cents.dollars) ?? "-"
            let name: String = Self.padded(NameText.shown(row.name), width)
            let status: String = Self.padded(row.status.rawValue, 9)
            let priceColumn: String = String(repeating: " ", count: max(0, 10 - price.count)) + price
            let age: String = ValueDisplay.age(sinceMs: row.checkedAtMs, nowMs: now)
            print("\(name)  \(status)  \(priceColumn)  \(age) ago")
        }
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// The names of the arguments and of `file`, as ASCII, once each.
    static func names(arguments: [String], file: String?) throws -> [String] {
        var lines = arguments
        if let file {
            let text: String
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else {
                do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                    throw CLIFailure.usage("cannot read --file \(file): \(error.localizedDescription); give a UTF-8 file of names, one per line")
                }
            }
            lines += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        let names: [String]
        do { names = try SyncEngine.acquireNames(lines) } catch let error as SyncError { throw CLIFailure.usage(error.description) }
        guard !names.isEmpty else { throw CLIFailure.usage("give domain names, e.g. `dynafolio search example.com`, or --file FILE") }
        return names
    }
}

/// `dynafolio register NAME… --years N [--max-cost AMOUNT]`: queue
/// registrations (money) at fresh prices.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Queue registrations of available domains and show their cost.",
        discussion: """
        Registering spends money. The names are searched first (fresh prices); a name that is taken \
        refuses the whole command, with nothing queued. --max-cost records the total you accept; \
        `push --yes` then sends them if their cost, searched again just before paying, stays within it \
        and within the balance. Without --max-cost this refuses unless run on a terminal, where `push` \
        shows each price and the total against the balance, and asks. One-year registrations go out as \
        bulk_register (100 names per call, the account's default contacts); longer ones as register, \
        one per call. A lost answer is verified with domain_info, never resent blindly.
        """
    )

    @Argument(help: "Domain names to register.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?
    @Option(parsing: .unconditional, help: "Years to register (1 to 10).") var years: Int = 1
    @OptionGroup var maxCost: MaxCostOption

    func run() async throws {
        try YearsOption.check(years)
        let limit = try maxCost.limit(refusal: "registering spends money")
        let wanted = try SearchCommand.names(arguments: names, file: file)
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        let rows = try await context.engine.searchAvailability(wanted, configuredTier: context.configuration.tier)
        let refused = rows.filter { !$0.registrable }
        if !refused.isEmpty {
            throw CLIFailure.usage(refused.map { "\(NameText.shown($0.name)) is \($0.status.rawValue)" }.joined(separator: "; ")
                                   + "; nothing was queued — register only available names")
        }
        let summary: QueueSummary
        do {
            summary = try context.engine.queueRegistrations(wanted, years: years, origin: .cli, maxCostCents: limit).summary
        } catch let error as SyncError {
            throw CLIFailure.usage(error.description)
        }
        for row in rows {
            let each = (row.priceCents ?? 0) * Int64(years)
            print("  \(NameText.shown(row.name))  \(Cents.dollars(each))\(row.status == .premium ? " (premium)" : "")")
        }
        QueueReport.print(summary, what: "registration (\(years) year\(years == 1 ? "" : "s"))")
        var line = "total cost: \(Cents.dollars(summary.costCents ?? 0))"
        if let balance = try context.store.account()?.balanceCents {
            line += " · balance \(Cents.dollars(balance))"
            if (summary.costCents ?? 0) > balance { line += " — not enough: the push will hold them until funds are added" }
        }
        if let limit { line += " (limit \(Cents.dollars(limit)); `push --yes` sends them)" }
        print(line)
    }
}
